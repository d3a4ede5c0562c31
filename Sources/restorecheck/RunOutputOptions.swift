import ArgumentParser
import Foundation
import RestoreCheck

/// The options `verify` and `diff` share: where the run's reports and sandbox go, and how
/// much the console says.
struct RunOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where reports are written (default: the plan's reports.dir, else Reports).", valueName: "dir"))
    var reportDir: String?

    @Option(name: .long, help: "Report formats, comma-separated: junit,json,html (default: all three).")
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Where the sandbox is created (default: $TMPDIR or /tmp).", valueName: "dir"))
    var scratch: String?

    @Flag(name: .long, help: "Leave the sandbox in place and print where it is.")
    var keepSandbox = false

    @Flag(name: .shortAndLong, help: "Print only the final verdict line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every check, not only those that did not pass.")
    var verbose = false

    var console: ConsoleReporter { ConsoleReporter(verbose: verbose, quiet: quiet, colour: ConsoleReporter.wantsColour()) }

    /// Progress on stderr only when someone is watching it.
    var showsProgress: Bool { !quiet && isatty(STDERR_FILENO) == 1 }

    func apply(to options: inout VerifyOptions) {
        options.scratch = scratch
        options.keepSandbox = keepSandbox
        if showsProgress { options.progress = ProgressLine.shared.update }
    }
}
