import Foundation

/// The whole run, as every reporter sees it: the source of `report.json`, `junit.xml` and the
/// console summary. Value types only, so it can be handed to any reporter.
public struct RunReport: Codable, Sendable {
    public var tool = "restorecheck"
    public var version: String
    public var host: String
    public var startedAt: Date
    /// The clock used for age judgements (`--now`).
    public var now: Date
    public var seconds: Double = 0
    public var plan: String?
    public var strict: Bool
    public var sets: [SetReport] = []
    /// What the run itself could not do (a notification that failed): warnings that never
    /// change the verdict.
    public var warnings: [String] = []

    public init(version: String, host: String, startedAt: Date, now: Date, plan: String?, strict: Bool) {
        self.version = version
        self.host = host
        self.startedAt = startedAt
        self.now = now
        self.plan = plan
        self.strict = strict
    }

    /// The run's verdict: the worst of every set's checks (no set at all cannot pass).
    public var verdict: Verdict { Verdict(of: sets.flatMap { $0.checks.map(\.status) }) }

    /// 0 pass, 1 the backup failed, 2 could not verify.
    public var exitCode: Int32 { verdict.exitCode }

    private enum CodingKeys: String, CodingKey {
        case tool, version, host, startedAt, now, seconds, plan, strict, sets, warnings, verdict, exitCode
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tool = try container.decode(String.self, forKey: .tool)
        version = try container.decode(String.self, forKey: .version)
        host = try container.decode(String.self, forKey: .host)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        now = try container.decode(Date.self, forKey: .now)
        seconds = try container.decode(Double.self, forKey: .seconds)
        plan = try container.decodeIfPresent(String.self, forKey: .plan)
        strict = try container.decode(Bool.self, forKey: .strict)
        sets = try container.decode([SetReport].self, forKey: .sets)
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tool, forKey: .tool)
        try container.encode(version, forKey: .version)
        try container.encode(host, forKey: .host)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(now, forKey: .now)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(plan, forKey: .plan)
        try container.encode(strict, forKey: .strict)
        try container.encode(sets, forKey: .sets)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(exitCode, forKey: .exitCode)
    }
}

/// How long one phase of a set took, measured around the steps that ran in it (the restore
/// pass is the archive phase's; a check's own time is in the check).
public struct PhaseDuration: Codable, Sendable, Equatable {
    public var phase: Phase
    public var seconds: Double
}

public struct SetReport: Codable, Sendable {
    public var name: String
    public var archive: ArchiveFacts?
    public var checks: [CheckResult] = []
    /// Every copy of the set in its directory, newest first (when the source is a directory).
    public var copies: [BackupCopy] = []
    /// The dumps re-imported, with every table's row count.
    public var databases: [DumpReport] = []
    public var seconds: Double = 0
    /// When this set last passed, from the history (nil: never, or no history).
    public var lastPassed: Date?
    /// Measured time of each phase that ran, in flow order.
    public var durations: [PhaseDuration] = []
    /// The set's earlier runs, newest first (at most 30).
    public var history: [HistoryEntry] = []
    /// Where the sandbox was left (`--keep-sandbox`).
    public var sandbox: String?

    public init(name: String) { self.name = name }

    public func count(_ status: CheckStatus) -> Int { checks.filter { $0.status == status }.count }

    /// The set's verdict, from its checks (the one place it is computed: `Verdict(of:)`).
    public var verdict: Verdict { Verdict(of: checks.map(\.status)) }

    /// The phases that judged something, in the order the flow runs them.
    public var phases: [Phase] {
        var seen: [Phase] = []
        for check in checks where !seen.contains(check.phase) { seen.append(check.phase) }
        return seen
    }

    public func checks(in phase: Phase) -> [CheckResult] { checks.filter { $0.phase == phase } }

    /// The phase's measured duration (0 when it did not run).
    public func seconds(of phase: Phase) -> Double {
        durations.first { $0.phase == phase }?.seconds ?? 0
    }

    /// Runs one step of the flow in `phase`: the step's time is added to the phase and its
    /// checks are appended. A check that measured its own time keeps it; the others share
    /// what is left of the step's time equally (they were judged together, in one walk).
    @discardableResult
    mutating func timed<T>(_ phase: Phase, clock: any RunClock, _ step: () throws -> (T, [CheckResult])) rethrows -> T {
        let started = clock.monotonic()
        var (value, produced) = try step()
        let elapsed = clock.monotonic() - started
        if let position = durations.firstIndex(where: { $0.phase == phase }) {
            durations[position].seconds += elapsed
        } else {
            durations.append(PhaseDuration(phase: phase, seconds: elapsed))
        }
        let unmeasured = produced.indices.filter { produced[$0].seconds == 0 }
        let share = max(0, elapsed - produced.reduce(0) { $0 + $1.seconds }) / Double(max(unmeasured.count, 1))
        for position in unmeasured { produced[position].seconds = share }
        checks += produced
        return value
    }
}
