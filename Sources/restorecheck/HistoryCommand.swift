import ArgumentParser
import Foundation
import RestoreCheck

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List earlier runs: when each set passed or failed, and how big its backup was.",
        discussion: "Reads REPORT-DIR/history.sqlite, which every verify run appends to."
    )

    @Option(name: .long, help: ArgumentHelp("The report directory (default Reports).", valueName: "dir"))
    var reportDir: String = "Reports"

    @Option(name: .customLong("set"), help: "Only this set.")
    var setName: String?

    @Option(name: .long, help: "How many runs to show (default 30).")
    var limit: Int = 30

    func run() throws {
        let history = RunHistory(reportDirectory: reportDir)
        guard FileManager.default.fileExists(atPath: history.path) else {
            printError("restorecheck: no history yet at \(history.path) (every verify run adds to it)")
            throw ExitCode(2)
        }
        let entries: [HistoryEntry]
        do { entries = try history.entries(set: setName, limit: limit) } catch {
            printError("restorecheck: cannot read \(history.path): \(error)")
            throw ExitCode(2)
        }
        print("time                  set              verdict  pass fail  err warn  archive     rows  seconds  sha256")
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
            print(columns.joined(separator: " "))
        }
        if entries.isEmpty { print("(no runs\(setName.map { " of set \($0)" } ?? ""))") }
    }
}
