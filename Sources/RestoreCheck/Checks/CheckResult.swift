/// The outcome of one check (DESIGN.md: Checks and what they mean).
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

/// One check's result. Its `name` is stable across runs (never holds failure text), so CI
/// can track it; what went wrong is in `message` and `offenders`.
public struct CheckResult: Codable, Sendable {
    public var phase: String
    public var name: String
    public var status: CheckStatus
    public var message: String
    /// The first offenders (at most `shownOffenders`), each with its reason.
    public var offenders: [Offender]
    /// How many offenders there were in all.
    public var offenderCount: Int
    public var seconds: Double

    public static let shownOffenders = 20

    public init(phase: String, name: String, status: CheckStatus, message: String, offenders: [Offender] = [], seconds: Double = 0) {
        self.phase = phase
        self.name = name
        self.status = status
        self.message = message
        self.offenders = Array(offenders.prefix(Self.shownOffenders))
        offenderCount = offenders.count
        self.seconds = seconds
    }

    /// Pass when there are no offenders, else `failing` with a count in the message.
    public static func judge(phase: String, name: String, offenders: [Offender], failing: CheckStatus = .fail,
                             pass: String, fail: (Int) -> String) -> CheckResult {
        offenders.isEmpty
            ? CheckResult(phase: phase, name: name, status: .pass, message: pass)
            : CheckResult(phase: phase, name: name, status: failing, message: fail(offenders.count), offenders: offenders)
    }
}

/// Counts for "3 files" / "1 file".
func plural(_ count: Int, _ noun: String) -> String {
    if count == 1 { return "1 \(noun)" }
    if noun.hasSuffix("y") { return "\(count) \(noun.dropLast())ies" }
    if noun.hasSuffix("ch") || noun.hasSuffix("s") { return "\(count) \(noun)es" }
    return "\(count) \(noun)s"
}
