import Foundation

/// `report.html`: one self-contained page for the person before a migration. Inline CSS, no
/// script at all and a Content-Security-Policy that forbids any, every name escaped (entry
/// names are hostile input). Verdict first, then failures with their offenders, then each
/// phase, the archive, the databases, the copies and the history; readable on a phone and
/// printable.
public struct HTMLReporter: Reporter {
    public let fileName = "report.html"
    public init() {}

    static let policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    public func render(_ report: RunReport) throws -> Data {
        var html = Self.head(
            title: "restorecheck \(report.verdict.rawValue.uppercased()): "
                + report.sets.map(\.name).joined(separator: ", "))
        html += Self.banner(report)
        html += Self.warnings(report)
        for set in report.sets { html += section(set, of: report) }
        html += """
            <footer>restorecheck \(h(report.version)) · host \(h(report.host)) · plan \
            \(h(report.plan ?? "(none: flags only)")) · \
            started \(h(ISOTime.string(report.startedAt))) · clock \(h(ISOTime.string(report.now))) · \
            \(String(format: "%.2f", report.seconds)) s\(report.strict ? " · --strict" : "")</footer>
            </body></html>

            """
        return Data(html.utf8)
    }

    private func h(_ text: String) -> String { XMLText.escape(text, attribute: true) }

    /// What the run itself could not do (a notification that failed), shared with the index.
    static func warnings(_ report: RunReport) -> String {
        guard !report.warnings.isEmpty else { return "" }
        return "<div class=\"card warn\"><p><span class=\"tag warn\">warn</span> <b>the run</b></p><ul>"
            + report.warnings.map { "<li class=\"msg\">\(XMLText.escape($0, attribute: true))</li>" }.joined()
            + "</ul></div>\n"
    }

    /// The page's head, shared with the run's index page: the policy, the viewport, the style.
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escape(title, attribute: true))</title>
        <style>\(HTMLStyle.css)</style></head><body>

        """
    }

    static func banner(_ report: RunReport) -> String {
        let all = report.sets.flatMap(\.checks)
        let title: String
        switch report.verdict {
        case .pass: title = "PASS — the backup verified"
        case .fail: title = "FAIL — the backup did not verify"
        case .error: title = "COULD NOT VERIFY — something could not be checked"
        }
        let counts = CheckStatus.allCases.compactMap { status -> String? in
            let n = all.filter { $0.status == status }.count
            return n > 0 ? "\(n) \(status.rawValue)" : nil
        }.joined(separator: " · ")
        return "<header class=\"banner \(report.verdict.rawValue)\"><h1>\(title)</h1><p>\(counts)</p></header>\n"
    }

    private func section(_ set: SetReport, of report: RunReport) -> String {
        var html = "<section class=\"set\"><h2>Set \(h(set.name))</h2>\n"
        // What was verified, where and when: the first thing a reader of a shared page asks.
        html += "<p class=\"run\">archive <code>\(h(set.archive?.path ?? "—"))</code> · host <b>\(h(report.host))</b>"
        html += " · verified \(h(ISOTime.string(report.startedAt)))</p>\n"
        if let last = set.lastPassed { html += "<p class=\"muted\">last passed: \(h(ISOTime.string(last)))</p>\n" }
        let bad = set.checks.filter { [.fail, .error, .warn].contains($0.status) }.sorted { $0.status > $1.status }
        if !bad.isEmpty {
            html += "<h3>Needs attention</h3>\n"
            for check in bad { html += card(check) }
        }
        if let archive = set.archive { html += facts(archive) }
        html += "<h3>Checks by phase</h3>\n"
        for phase in set.phases {
            let checks = set.checks(in: phase)
            let seconds = set.seconds(of: phase)
            html +=
                "<details\(checks.contains { $0.status == .fail || $0.status == .error } ? " open" : "")><summary>"
                + "\(h(phase.rawValue)) — "
            html +=
                "\(checks.filter { $0.status == .pass }.count)/\(checks.count) "
                + "pass\(seconds > 0 ? String(format: ", %.2f s", seconds) : "")</summary>\n<table>"
            for check in checks {
                html +=
                    "<tr><td><span class=\"tag "
                    + "\(check.status.rawValue)\">\(check.status.rawValue)</span></td><td>"
                    + "\(h(check.name))</td><td class=\"msg\">\(h(check.message))</td></tr>\n"
            }
            html += "</table></details>\n"
        }
        html += databases(set.databases)
        if !set.copies.isEmpty {
            html += "<h3>Copies of the set</h3>\n" + CopiesChart.svg(set.copies, colours: CopiesChart.colours(of: set))
        }
        if !set.history.isEmpty {
            html += "<h3>History (last \(set.history.count) runs)</h3>\n" + CopiesChart.historyStrip(set.history)
        }
        if let sandbox = set.sandbox { html += "<p class=\"muted\">sandbox kept at \(h(sandbox))</p>\n" }
        return html + "</section>\n"
    }

    private func card(_ check: CheckResult) -> String {
        var html =
            "<div class=\"card \(check.status.rawValue)\"><p><span class=\"tag "
            + "\(check.status.rawValue)\">\(check.status.rawValue)</span> "
        html += "<b>\(h(check.phase.rawValue)) · \(h(check.name))</b></p><p class=\"msg\">\(h(check.message))</p>"
        if !check.offenders.isEmpty {
            html += "<ul>" + check.offenders.map { "<li><code>\(h($0.name))</code> — \(h($0.reason))</li>" }.joined()
            if check.offenderCount > check.offenders.count {
                html += "<li>… and \(check.offenderCount - check.offenders.count) more (report.json)</li>"
            }
            html += "</ul>"
        }
        return html + "</div>\n"
    }

    private func facts(_ archive: ArchiveFacts) -> String {
        let mtime = archive.mtime.map(ISOTime.string) ?? "unknown"
        let rows: [(String, String)] = [
            ("archive", archive.path), ("format", ([archive.format] + archive.filters).joined(separator: " + ")),
            ("size", ByteSize.format(archive.sizeBytes)), ("sha256", archive.sha256 ?? "—"), ("modified", mtime),
            ("entries", String(archive.entries)), ("restored", ByteSize.format(archive.restoredBytes)),
        ]
        return "<h3>Archive</h3>\n<table class=\"facts\">"
            + rows.map { "<tr><th>\($0.0)</th><td><code>\(h($0.1))</code></td></tr>" }.joined() + "</table>\n"
    }

    private func databases(_ dumps: [DumpReport]) -> String {
        guard !dumps.isEmpty else { return "" }
        var html = "<h3>Databases</h3>\n"
        for dump in dumps {
            let how = [dump.compression, dump.format?.rawValue, dump.dialect?.rawValue].compactMap { $0 }.joined(
                separator: ", ")
            html += "<div class=\"dump\"><p><code>\(h(dump.dump))</code> (\(h(how)) → \(h(dump.target.rawValue))): "
            html +=
                "\(plural(dump.tables.count, "table")), \(plural(dump.totalRows, "row")), "
                + "\(plural(dump.statements, "statement")), "
            html += String(format: "%.2f s", dump.seconds)
            html += dump.complete == false ? " · <b>incomplete</b>" : ""
            html += "</p><table class=\"rows\"><tr><th>table</th><th>rows</th></tr>"
            html += dump.tables.map { "<tr><td>\(h($0.name))</td><td class=\"num\">\($0.rows)</td></tr>" }.joined()
            html += "</table>"
            if !dump.omitted.isEmpty {
                html +=
                    "<p class=\"muted\">not carried into the target: "
                    + dump.omitted.map { h("\($0.kind) \($0.name)") }.joined(separator: ", ") + "</p>"
            }
            html += "</div>\n"
        }
        return html
    }
}
