import ArgumentParser
import Foundation
import RestoreCheck

/// The options `verify` and `diff` share: where the run's reports and sandbox go, and how
/// much the console says.
struct RunOutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where reports are written (default: $RESTORECHECK_REPORT_DIR, else the plan's reports.dir, else "
                + "/var/lib/restorecheck as root or ~/.local/state/restorecheck).", valueName: "dir"))
    var reportDir: String?

    @Option(name: .long, help: "Report formats, comma-separated: junit,json,html (default: all three).")
    var format: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the whole run's JUnit XML here, a fixed path for CI ('-': standard output).",
            valueName: "file"))
    var junit: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Also write the whole run's JSON report here ('-': standard output).", valueName: "file"))
    var json: String?

    @Option(
        name: .long, help: ArgumentHelp("Where the sandbox is created (default: $TMPDIR or /tmp).", valueName: "dir"))
    var scratch: String?

    @Flag(name: .long, help: "Leave the sandbox in place and print where it is.")
    var keepSandbox = false

    @Flag(
        name: .shortAndLong,
        help: "Print nothing when the run passes; otherwise the summary on standard error (for cron and timers).")
    var quiet = false

    @Flag(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Print every check, not only those that did not pass, and quote a failing dump row's values "
                + "(kept out of reports otherwise: dumps hold password hashes)."))
    var verbose = false

    /// The request's share of these flags (`--format` checked here, so a typo is a usage error).
    func request() throws -> RunOutputRequest {
        var request = RunOutputRequest()
        request.reportDirectory = reportDir
        request.formats = try format.map(ReportSettings.Format.list)
        request.scratch = scratch
        request.keepSandbox = keepSandbox
        request.junitFile = junit
        request.jsonFile = json
        request.console = ConsoleSettings(verbose: verbose, quiet: quiet, colour: ConsoleReporter.wantsColour())
        return request
    }

    /// Standard output and error, with a progress line only when someone watches stderr.
    var environment: RunEnvironment {
        let showsProgress = !quiet && TerminalOutput.stderrIsTerminal()
        return RunEnvironment(output: TerminalOutput(showsProgress: showsProgress), showsProgress: showsProgress)
    }
}

/// Where a run's metrics go, for `verify` and `merge`: a node_exporter textfile, a Pushgateway.
struct MetricsOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Also write Prometheus metrics here (textfile collector format).", valueName: "file"))
    var metricsFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Push each set's metrics to this Prometheus Pushgateway (grouped by job and set).", valueName: "url"))
    var pushgateway: String?
}

/// Exits with `code` unless it is 0 (ArgumentParser's way to set the status).
func finish(_ code: Int32) throws {
    if code != 0 { throw ExitCode(code) }
}
