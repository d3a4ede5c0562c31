import Foundation

/// `restorecheck history`: the earlier runs from `REPORT-DIR/history.sqlite`, newest first,
/// one line each.
public struct HistoryRun {
    public let reportDirectory: String
    public let setName: String?
    public let limit: Int
    public let environment: RunEnvironment
    /// The nightly verdicts, or the diff runs (`--diffs`).
    public var kind: RunHistory.Kind = .verify

    public init(reportDirectory: String, setName: String?, limit: Int, environment: RunEnvironment) {
        self.reportDirectory = reportDirectory
        self.setName = setName
        self.limit = limit
        self.environment = environment
    }

    public func run() -> Int32 {
        let history = RunHistory(reportDirectory: reportDirectory, kind: kind)
        guard FileManager.default.fileExists(atPath: history.path) else {
            environment.output.warn("restorecheck: no history yet at \(history.path) (every verify run adds to it)")
            return 2
        }
        do {
            environment.output.say(Self.table(try history.entries(set: setName, limit: limit), setName: setName))
            return 0
        } catch {
            environment.output.warn("restorecheck: cannot read \(history.path): \(error)")
            return 2
        }
    }

    static func table(_ entries: [HistoryEntry], setName: String?) -> String {
        var lines = [
            "time                  set              verdict  pass fail  err warn  archive     rows  seconds  sha256"
        ]
        for entry in entries {
            let columns = [
                ISOTime.string(entry.time).padding(toLength: 21, withPad: " ", startingAt: 0),
                entry.set.padding(toLength: 16, withPad: " ", startingAt: 0),
                entry.verdict.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0),
                String(format: "%5d%5d%5d%5d", entry.passed, entry.failed, entry.errors, entry.warnings),
                ByteSize.format(entry.archiveBytes).padding(toLength: 10, withPad: " ", startingAt: 0),
                String(format: "%6d %8.2f", entry.rows, entry.seconds),
                String((entry.sha256 ?? "-").prefix(12)),
            ]
            lines.append(columns.joined(separator: " "))
        }
        if entries.isEmpty { lines.append("(no runs\(setName.map { " of set \($0)" } ?? ""))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
