import ArgumentParser
import Foundation
import RestoreCheck

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List earlier runs: when each set passed or failed, and how big its backup was.",
        discussion: "Reads REPORT-DIR/history.sqlite, which every verify run appends to."
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

    func run() throws {
        let environment = RunEnvironment(output: TerminalOutput(showsProgress: false))
        try finish(
            HistoryRun(
                reportDirectory: ReportLocation.resolve(flag: reportDir, plan: nil), setName: setName, limit: limit,
                environment: environment
            ).run())
    }
}
