/// The outcome of one check (README: what a check's status means).
public enum CheckStatus: String, Codable, Sendable, Comparable, CaseIterable {
    /// The thing checked holds.
    case pass
    /// The backup is not good.
    case fail
    /// The check could not run (a missing tool, an unreadable manifest).
    case error
    /// Suspicious, not fatal unless `--strict`.
    case warn
    /// Not applicable here, with the reason in the message.
    case skip

    /// Severity order, worst last: a verdict is the worst status among the checks.
    var rank: Int { [.skip: 0, .pass: 1, .warn: 2, .error: 3, .fail: 4][self]! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// One check's result. Its identity (and so its `name`) is stable across runs (never holds
/// failure text), so CI can track it; what went wrong is in `message` and `offenders`.
public struct CheckResult: Codable, Sendable {
    public var id: CheckID
    public var phase: Phase { id.phase }
    public var name: String { id.name }
    public var status: CheckStatus
    public var message: String
    /// The first offenders (at most `shownOffenders`), each with its reason.
    public var offenders: [Offender]
    /// How many offenders there were in all.
    public var offenderCount: Int
    /// Measured time spent judging this check; checks judged together in one step share
    /// that step's time equally. The restore pass itself is the archive phase's time.
    public var seconds: Double

    public static let shownOffenders = 20

    /// Every difference a `diff` finds is kept (up to this many): a person about to migrate
    /// wants the whole list in the JSON and HTML, and with `-v`.
    public static let keptDifferences = 10_000

    /// `keep`: how many offenders are listed (the rest only counted).
    public init(
        _ id: CheckID, status: CheckStatus, message: String, offenders: [Offender] = [], seconds: Double = 0,
        keep: Int = shownOffenders
    ) {
        self.id = id
        self.status = status
        self.message = message
        self.offenders = Array(offenders.prefix(keep))
        offenderCount = offenders.count
        self.seconds = seconds
    }

    /// Pass when there are no offenders, else `failing` with a count in the message.
    public static func judge(
        _ id: CheckID, offenders: [Offender], failing: CheckStatus = .fail,
        pass: String, fail: (Int) -> String, keep: Int = shownOffenders
    ) -> CheckResult {
        offenders.isEmpty
            ? CheckResult(id, status: .pass, message: pass)
            : CheckResult(id, status: failing, message: fail(offenders.count), offenders: offenders, keep: keep)
    }

    /// Did not pass in a way that decides a verdict (a failure or an error).
    public var isProblem: Bool { status == .fail || status == .error }

    private enum CodingKeys: String, CodingKey {
        case phase, name, check, subject, aspect, label, status, message, offenders, offenderCount, seconds
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = CheckID(
            try container.decode(Phase.self, forKey: .phase), try container.decode(String.self, forKey: .check),
            subject: try container.decodeIfPresent(String.self, forKey: .subject),
            aspect: try container.decodeIfPresent(String.self, forKey: .aspect),
            label: try container.decodeIfPresent(String.self, forKey: .label))
        status = try container.decode(CheckStatus.self, forKey: .status)
        message = try container.decode(String.self, forKey: .message)
        offenders = try container.decode([Offender].self, forKey: .offenders)
        offenderCount = try container.decode(Int.self, forKey: .offenderCount)
        seconds = try container.decode(Double.self, forKey: .seconds)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.phase, forKey: .phase)
        try container.encode(id.name, forKey: .name)
        try container.encode(id.check, forKey: .check)
        try container.encodeIfPresent(id.subject, forKey: .subject)
        try container.encodeIfPresent(id.aspect, forKey: .aspect)
        try container.encodeIfPresent(id.label, forKey: .label)
        try container.encode(status, forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encode(offenders, forKey: .offenders)
        try container.encode(offenderCount, forKey: .offenderCount)
        try container.encode(seconds, forKey: .seconds)
    }
}

/// Counts for "3 files" / "1 file".
func plural(_ count: Int, _ noun: String) -> String {
    if count == 1 { return "1 \(noun)" }
    if noun.hasSuffix("y") { return "\(count) \(noun.dropLast())ies" }
    if noun.hasSuffix("ch") || noun.hasSuffix("s") { return "\(count) \(noun)es" }
    return "\(count) \(noun)s"
}
