import Foundation

/// Inline SVG for the report: the copies of a set (one bar per copy, height by size) and the
/// history's verdict strip. Drawn as markup, so no script and no request is needed to see it.
/// Each bar has a slot wide enough for its longest label (`slot`), so labels never overlap.
enum CopiesChart {
    /// Width of one copy's slot: a size label ("1023.9 KiB", 10 characters at 9px, about
    /// 5.5px each) fits with a margin.
    static let slot = 64
    static let colour: [CheckStatus: String] = [
        .pass: "#1a7f37", .fail: "#cf222e", .error: "#9a6700", .warn: "#bf8700", .skip: "#8c959f",
    ]

    /// The colour of each copy, by name: the restored copy in its set's verdict (a failed copy
    /// is never green), a copy a source or retention check names in that check's status,
    /// the rest grey (judged by size and date only).
    static func colours(of set: SetReport) -> [String: CheckStatus] {
        var result: [String: CheckStatus] = [:]
        for copy in set.copies where copy.verified {
            result[copy.name] = set.verdict == .pass ? .pass : set.verdict == .fail ? .fail : .error
        }
        for check in set.checks where check.phase == .source && check.status != .pass {
            for offender in check.offenders {
                // An offender names a copy by its path (or, for a gap, "older → newer").
                for copy in set.copies
                where !copy.verified
                    && (offender.name == copy.name || offender.name.hasSuffix("/" + copy.name)
                        || offender.name.contains(" \(copy.name)") || offender.name.hasPrefix(copy.name + " "))
                {
                    result[copy.name] = max(result[copy.name] ?? .skip, check.status)
                }
            }
        }
        return result
    }

    static func svg(_ copies: [BackupCopy], colours: [String: CheckStatus]) -> String {
        let shown = Array(copies.prefix(30).reversed()) // oldest on the left
        let width = slot * shown.count + 20
        let height = 160
        let largest = max(shown.map(\.sizeBytes).max() ?? 1, 1)
        var svg =
            "<svg role=\"img\" aria-label=\"copies by size and age\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (index, copy) in shown.enumerated() {
            let barHeight = max(2, Int(Double(copy.sizeBytes) / Double(largest) * 100))
            let x = 10 + index * slot
            let status = colours[copy.name]
            let fill = status.flatMap { colour[$0] } ?? colour[.skip]!
            let note =
                copy.verified ? " (restored: \(status?.rawValue ?? "not judged"))" : status.map { " (\($0))" } ?? ""
            svg +=
                "<rect x=\"\(x + (slot - 36) / 2)\" y=\"\(120 - barHeight)\" width=\"36\" height=\"\(barHeight)\" "
                + "fill=\"\(fill)\"><title>\(XMLText.escape(copy.name, attribute: true)): "
                + "\(ByteSize.format(copy.sizeBytes)), \(AgeText.format(copy.ageSeconds)) old\(note)</title></rect>"
            let age = AgeText.format(copy.ageSeconds).split(separator: " ").first.map(String.init) ?? ""
            svg += label(age, x: x + slot / 2, y: 136, size: 10)
            svg += label(ByteSize.format(copy.sizeBytes), x: x + slot / 2, y: 150, size: 9)
        }
        return svg
            + "</svg>\n<p class=\"muted\">\(copies.count) copies, oldest on the left; age under each bar, then size. "
            + "The restored copy is drawn in its verdict's colour (green passed, red failed, amber could not "
            + "verify); a copy a retention check names is in that check's colour; grey copies were judged by "
            + "size and date only.</p>\n"
    }

    static func historyStrip(_ history: [HistoryEntry]) -> String {
        let runs = Array(history.reversed()) // oldest on the left
        let width = max(16 * runs.count + 10, 260)
        let largest = max(runs.map(\.archiveBytes).max() ?? 1, 1)
        var svg =
            "<svg role=\"img\" aria-label=\"verdicts of earlier runs\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"\(width)\" height=\"96\" viewBox=\"0 0 \(width) 96\">"
        var points: [String] = []
        for (index, run) in runs.enumerated() {
            let fill = colour[run.verdict == .pass ? .pass : run.verdict == .fail ? .fail : .error]!
            svg +=
                "<rect x=\"\(5 + index * 16)\" y=\"50\" width=\"12\" height=\"14\" "
                + "fill=\"\(fill)\"><title>\(ISOTime.string(run.time)): \(run.verdict.rawValue)</title></rect>"
            points.append("\(11 + index * 16),\(44 - Int(Double(run.archiveBytes) / Double(largest) * 38))")
        }
        if points.count > 1 {
            svg +=
                "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" "
                + "points=\"\(points.joined(separator: " "))\"/>"
        }
        // The two ends of the time axis: the oldest run under the left, the newest at the right.
        if let first = runs.first, let last = runs.last {
            svg += label(String(ISOTime.string(first.time).prefix(10)), x: 5, y: 80, size: 10, anchor: "start")
            if runs.count > 1 {
                svg += label(String(ISOTime.string(last.time).prefix(10)), x: width - 5, y: 80, size: 10, anchor: "end")
            }
        }
        return svg
            + "</svg>\n<p class=\"muted\">one square per run, oldest on the left (green passed, red failed, amber "
            + "could not verify); the blue line is the archive's size, the largest at the top.</p>\n"
    }

    private static func label(_ text: String, x: Int, y: Int, size: Int, anchor: String = "middle") -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\">"
            + "\(XMLText.escape(text, attribute: true))</text>"
    }
}
