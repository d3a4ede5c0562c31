import Foundation

/// `runs/<stamp>/index.html`: the whole run on one page, for a plan of many sets. The run's
/// verdict, then every set with its verdict, failures first, each linking to its own page,
/// with the checks that did not pass named; then what the run itself could not do (a
/// notification that failed). Same rules as the set page: no script, every name escaped.
public struct RunIndexReporter: Reporter {
    public let fileName = "index.html"
    /// Each set's page, relative to this one, in the report's set order.
    public let setPages: [String]

    public init(setPages: [String]) {
        self.setPages = setPages
    }

    public func render(_ report: RunReport) throws -> Data {
        var html = HTMLReporter.head(
            title: "restorecheck \(report.verdict.rawValue.uppercased()): "
                + report.sets.map(\.name).joined(separator: ", "))
        html += HTMLReporter.banner(report)
        html += "<p class=\"run\">host <b>\(h(report.host))</b> · started \(h(ISOTime.string(report.startedAt)))"
        html +=
            " · \(plural(report.sets.count, "set")) · plan <code>\(h(report.plan ?? "(none: flags only)"))</code></p>\n"
        html += HTMLReporter.warnings(report)
        html += "<table class=\"sets\"><tr><th>set</th><th>verdict</th><th>archive</th><th>checks</th></tr>\n"
        for index in order(report) { html += row(report.sets[index], page: page(index)) }
        html += "</table>\n"
        html += """
            <footer>restorecheck \(h(report.version)) · clock \(h(ISOTime.string(report.now))) · \
            \(String(format: "%.2f", report.seconds)) s\(report.strict ? " · --strict" : "")</footer>
            </body></html>

            """
        return Data(html.utf8)
    }

    /// Worst verdict first (could not verify, failed, passed), then the plan's order.
    func order(_ report: RunReport) -> [Int] {
        report.sets.indices.sorted { left, right in
            let (a, b) = (report.sets[left].verdict, report.sets[right].verdict)
            return a == b ? left < right : a.rank > b.rank
        }
    }

    private func page(_ index: Int) -> String? { index < setPages.count ? setPages[index] : nil }

    private func row(_ set: SetReport, page: String?) -> String {
        let name = page.map { "<a href=\"\(h($0))\">\(h(set.name))</a>" } ?? h(set.name)
        var html = "<tr><td><b>\(name)</b></td><td><span class=\"tag \(set.verdict.rawValue)\">"
        html += "\(set.verdict.rawValue)</span></td><td><code>\(h(set.archive?.path ?? "—"))</code></td><td>"
        html += CheckStatus.allCases.compactMap { status -> String? in
            let count = set.count(status)
            return count > 0 ? "\(count) \(status.rawValue)" : nil
        }.joined(separator: " · ")
        let bad = set.checks.filter { $0.status == .fail || $0.status == .error }
        if !bad.isEmpty {
            html += "<ul>" + bad.map { "<li>\(h($0.phase.rawValue)) · \(h($0.name)): \(h($0.message))</li>" }.joined()
            html += "</ul>"
        }
        return html + "</td></tr>\n"
    }

    private func h(_ text: String) -> String { XMLText.escape(text, attribute: true) }
}
