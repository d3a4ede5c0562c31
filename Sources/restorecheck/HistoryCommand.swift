import ArgumentParser
import Foundation
import RestoreCheck

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List earlier runs: when each set passed or failed, and how big its backup was.",
        discussion:
            "Reads REPORT-DIR/history.sqlite, which every verify run appends to; diff runs are kept apart (--diffs)."
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The report directory (default: $RESTORECHECK_REPORT_DIR, else the state directory verify uses).",
            valueName: "dir"))
    var reportDir: String?

    @Option(name: .customLong("set"), help: "Only this set.")
    var setName: String?

    @Option(name: .long, help: "How many runs to show (default 30).")
    var limit: Int = 30

    @Flag(name: .long, help: "The diff runs (backup against live) instead of the nightly verdicts.")
    var diffs = false

    func run() throws {
        let environment = RunEnvironment(output: TerminalOutput(showsProgress: false))
        var history = HistoryRun(
            reportDirectory: ReportLocation.resolve(flag: reportDir, plan: nil), setName: setName, limit: limit,
            environment: environment)
        history.kind = diffs ? .diff : .verify
        try finish(history.run())
    }
}
