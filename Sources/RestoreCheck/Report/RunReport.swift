import Foundation

/// The whole run, as every reporter sees it: the source of `report.json`, `junit.xml` and the
/// console summary. Value types only, so it can be handed to any reporter.
public struct RunReport: Encodable, Sendable {
    public enum Verdict: String, Codable, Sendable {
        /// Every check passed (or was skipped, or only warned without --strict).
        case pass
        /// The backup failed verification.
        case fail
        /// Something could not be checked, so nothing can be promised.
        case error
    }

    public var tool = "restorecheck"
    public var version = RestoreCheckVersion.string
    public var host: String
    public var startedAt: String
    /// The clock used for age judgements (`--now`).
    public var now: String
    public var seconds: Double = 0
    public var plan: String?
    public var strict: Bool
    public var sets: [SetReport] = []

    public init(host: String = ProcessInfo.processInfo.hostName, startedAt: Date, now: Date, plan: String?, strict: Bool) {
        self.host = host
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.now = ISO8601DateFormatter().string(from: now)
        self.plan = plan
        self.strict = strict
    }

    public var verdict: Verdict {
        let statuses = sets.flatMap { $0.checks.map(\.status) }
        if statuses.contains(.fail) { return .fail }
        if statuses.contains(.error) || sets.isEmpty { return .error }
        return .pass
    }

    /// DESIGN.md: 0 pass, 1 the backup failed, 2 could not verify.
    public var exitCode: Int32 {
        switch verdict {
        case .pass: return 0
        case .fail: return 1
        case .error: return 2
        }
    }

    private enum CodingKeys: String, CodingKey {
        case tool, version, host, startedAt, now, seconds, plan, strict, sets, verdict, exitCode
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
        try container.encode(verdict, forKey: .verdict)
        try container.encode(exitCode, forKey: .exitCode)
    }
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
    public var lastPassed: String?
    /// The set's earlier runs, newest first (at most 30).
    public var history: [HistoryEntry] = []
    /// Where the sandbox was left (`--keep-sandbox`).
    public var sandbox: String?

    public init(name: String) { self.name = name }

    public func count(_ status: CheckStatus) -> Int { checks.filter { $0.status == status }.count }

    /// The phases in the order the flow runs them.
    public var phases: [String] {
        var seen: [String] = []
        for check in checks where !seen.contains(check.phase) { seen.append(check.phase) }
        return seen
    }
}
