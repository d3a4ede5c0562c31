/// The report page's only style sheet, inline: readable on a phone, printable, no fonts or
/// images fetched.
enum HTMLStyle {
    static let css = """
        :root{--pass:#1a7f37;--fail:#cf222e;--error:#9a6700;--warn:#bf8700;--skip:#6e7781}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:70rem;\
        padding:0 1rem 2rem;color:#1f2328}
        .banner{margin:0 -1rem 1rem;padding:1rem 1.25rem;color:#fff}.banner h1{margin:0;font-size:1.5rem}.banner \
        p{margin:.25rem 0 0}
        .banner.pass{background:var(--pass)}.banner.fail{background:var(--fail)}.banner.error{background:var(--error)}
        h2{border-bottom:2px solid #d0d7de;padding-bottom:.25rem}h3{margin-top:1.5rem}
        .card{border-left:5px solid var(--skip);background:#f6f8fa;padding:.5rem .75rem;margin:.5rem 0;\
        overflow-wrap:anywhere}
        .card.fail{border-color:var(--fail)}.card.error{border-color:var(--error)}.card.warn{border-color:var(--warn)}
        .card p{margin:.2rem 0}.msg{white-space:pre-wrap;overflow-wrap:anywhere}
        .tag{display:inline-block;min-width:3.2em;text-align:center;border-radius:3px;color:#fff;font-size:.8em;\
        padding:0 .3em;background:var(--skip)}
        .tag.pass{background:var(--pass)}.tag.fail{background:var(--fail)}.tag.error{background:var(--error)}\
        .tag.warn{background:var(--warn)}
        table{border-collapse:collapse;width:100%;margin:.25rem 0}td,th{border-bottom:1px solid #d0d7de;\
        padding:.25rem .4rem;text-align:left;vertical-align:top}
        table.facts th{width:8rem}table.rows{width:auto;min-width:16rem}.num{text-align:right;\
        font-variant-numeric:tabular-nums}
        code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
        details{margin:.3rem 0}summary{cursor:pointer;font-weight:600}.muted{color:#57606a}
        footer{margin-top:2rem;color:#57606a;font-size:.85em;border-top:1px solid #d0d7de;padding-top:.5rem}
        svg{max-width:100%;height:auto}.run{margin:.25rem 0 .75rem}table.sets ul{margin:.25rem 0;padding-left:1.2rem}
        @media print{.banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}details{display:block}\
        details>*{display:block}}
        @media (max-width:40rem){td.msg{display:block}body{font-size:14px}}
        """
}
