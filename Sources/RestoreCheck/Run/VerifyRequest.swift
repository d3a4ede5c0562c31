import Foundation

/// Everything `verify` is asked to do, as the command line (or a caller of the library)
/// states it. The plan says what must hold; these override or narrow it for one run.
public struct VerifyRequest: Sendable {
    /// A plan file; nil builds a plan of one set from `archive` / `latest`.
    public var planPath: String?
    /// Only these sets of the plan (`--set`, repeatable).
    public var setNames: [String] = []
    /// The set's name in a run without a plan (`--name`), so history, `latest` and metrics
    /// labels stay the same night after night whatever the archive is called.
    public var name: String?
    /// How old the newest copy may be in a run without a plan (`--max-age`).
    public var maxAge: TimeInterval?
    /// Overrides the set's `source:` (`-` reads standard input).
    public var archive: String?
    /// Overrides the set's `source:` with the newest archive in this directory.
    public var latest: String?
    /// Overrides the set's `manifest:`.
    public var manifest: String?
    /// The clock for every age judgement (`--now`); nil is the run's start.
    public var now: Date?
    /// Overrides of the plan's `limits:`.
    public var maxBytes: UInt64?
    public var maxEntryBytes: UInt64?
    public var maxEntries: Int?
    /// Warnings fail.
    public var strict = false
    /// Also write Prometheus metrics here.
    public var metricsFile: String?
    /// Monitors to tell (`--notify`), with the plan's `notify:`.
    public var notify: [Notifier.Target] = []
    /// This machine's share of the plan in a fleet run (`--shard I/N`, `--shards N`).
    public var shard: Shard?
    /// The fleet run's name, kept in the shard record (`--run-id`, `RESTORECHECK_RUN_ID`).
    public var runID: String?
    /// Sets verified at once on this machine (`--jobs`).
    public var jobs = 1
    /// A Prometheus Pushgateway to push each set's metrics to (`--pushgateway`).
    public var pushgateway: String?
    public var output = RunOutputRequest()

    public init() {}
}

/// Everything `diff` is asked to do: which backup, which live tree, what to leave out.
public struct DiffRequest: Sendable {
    /// A plan whose set gives the source, layout and `ignore:` list.
    public var planPath: String?
    public var setName: String?
    public var archive: String?
    public var latest: String?
    /// The live tree to compare with.
    public var live: String
    /// The production path the live root (and the archive's root) stands for.
    public var prefix: String?
    /// Globs left out of the comparison, with the plan's `ignore:`.
    public var ignore: [String] = []
    public var output = RunOutputRequest()

    public init(live: String) { self.live = live }
}
