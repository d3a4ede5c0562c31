import Foundation

/// What a run takes from the world around it, injected so the library never reaches for a
/// global: the clocks, the host's name and the tool's version (both stamped into every
/// report), and where its words go.
public struct RunEnvironment: Sendable {
    public var clock: any RunClock
    public var host: String
    public var version: String
    public var output: OutputSink
    /// Draw a progress line (a person is watching a terminal).
    public var showsProgress: Bool
    /// The process environment, for what a run may read from it (`RESTORECHECK_REPORT_DIR`).
    public var variables: [String: String] = ProcessInfo.processInfo.environment
    /// The cores a run may keep busy: `--jobs` shares them between sets and a set loads its
    /// dumps on what it gets. One makes every step run in one order (a stepping clock's
    /// readings too, as golden files need).
    public var cores = ProcessInfo.processInfo.activeProcessorCount

    public init(
        clock: any RunClock = SystemClock(), host: String = ProcessInfo.processInfo.hostName,
        version: String = RestoreCheckVersion.string, output: OutputSink, showsProgress: Bool = false
    ) {
        self.clock = clock
        self.host = host
        self.version = version
        self.output = output
        self.showsProgress = showsProgress
    }
}

/// How much the console says, and whether it may colour its labels.
public struct ConsoleSettings: Sendable {
    /// Every check, not only those that did not pass.
    public var verbose = false
    /// Only the verdict line.
    public var quiet = false
    /// ANSI colours for the status labels: only on a terminal, never with NO_COLOR set.
    public var colour = false
    public init(verbose: Bool = false, quiet: Bool = false, colour: Bool = false) {
        self.verbose = verbose
        self.quiet = quiet
        self.colour = colour
    }
}

/// What every run shares: where the reports go, in which formats, the sandbox, the console.
public struct RunOutputRequest: Sendable {
    /// Overrides the plan's `reports.dir`.
    public var reportDirectory: String?
    /// Overrides the plan's `reports.formats`.
    public var formats: [ReportSettings.Format]?
    /// Where sandboxes are created (default `$TMPDIR` or /tmp).
    public var scratch: String?
    /// Leave the sandbox in place and say where it is.
    public var keepSandbox = false
    /// The whole run's JUnit / JSON also written here, at a fixed path for CI (`-`: stdout).
    public var junitFile: String?
    public var jsonFile: String?
    public var console = ConsoleSettings()
    public init() {}
}
