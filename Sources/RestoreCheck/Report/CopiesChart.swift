import Foundation

/// Inline SVG for the report: the copies of a set (one bar per copy, height by size, the
/// verified one marked) and the history's verdict strip. Drawn as markup, so no script and
/// no request is needed to see it.
enum CopiesChart {
    static func svg(_ copies: [BackupCopy]) -> String {
        let shown = Array(copies.prefix(30).reversed()) // oldest on the left
        let width = 40 * shown.count + 20
        let height = 160
        let largest = max(shown.map(\.sizeBytes).max() ?? 1, 1)
        var svg =
            "<svg role=\"img\" aria-label=\"copies by size and age\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (index, copy) in shown.enumerated() {
            let barHeight = max(2, Int(Double(copy.sizeBytes) / Double(largest) * 100))
            let x = 10 + index * 40
            let colour = copy.verified ? "#1a7f37" : "#8c959f"
            svg +=
                "<rect x=\"\(x)\" y=\"\(120 - barHeight)\" width=\"28\" height=\"\(barHeight)\" "
                + "fill=\"\(colour)\"><title>\(XMLText.escape(copy.name, attribute: true)): "
                + "\(ByteSize.format(copy.sizeBytes)), \(AgeText.format(copy.ageSeconds)) "
                + "old\(copy.verified ? " (verified)" : "")</title></rect>"
            let age = AgeText.format(copy.ageSeconds).split(separator: " ").first.map(String.init) ?? ""
            svg +=
                "<text x=\"\(x + 14)\" y=\"136\" font-size=\"10\" "
                + "text-anchor=\"middle\">\(XMLText.escape(age, attribute: true))</text>"
            svg +=
                "<text x=\"\(x + 14)\" y=\"150\" font-size=\"9\" "
                + "text-anchor=\"middle\">"
                + "\(XMLText.escape(ByteSize.format(copy.sizeBytes), attribute: true))</text>"
        }
        return svg
            + "</svg>\n<p class=\"muted\">\(copies.count) copies; the green bar is the one verified. Age under each "
            + "bar, then size.</p>\n"
    }

    static func historyStrip(_ history: [HistoryEntry]) -> String {
        let runs = Array(history.reversed()) // oldest on the left
        let width = 16 * runs.count + 10
        let largest = max(runs.map(\.archiveBytes).max() ?? 1, 1)
        var svg =
            "<svg role=\"img\" aria-label=\"verdicts of earlier runs\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"\(width)\" height=\"70\" viewBox=\"0 0 \(width) 70\">"
        var points: [String] = []
        for (index, run) in runs.enumerated() {
            let colour = [Verdict.pass: "#1a7f37", .fail: "#cf222e"][run.verdict] ?? "#9a6700"
            svg +=
                "<rect x=\"\(5 + index * 16)\" y=\"50\" width=\"12\" height=\"14\" "
                + "fill=\"\(colour)\"><title>\(ISOTime.string(run.time)): \(run.verdict.rawValue)</title></rect>"
            points.append("\(11 + index * 16),\(44 - Int(Double(run.archiveBytes) / Double(largest) * 38))")
        }
        if points.count > 1 {
            svg +=
                "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" "
                + "points=\"\(points.joined(separator: " "))\"/>"
        }
        return svg
            + "</svg>\n<p class=\"muted\">one square per run (oldest on the left); the line is the archive's "
            + "size.</p>\n"
    }
}
