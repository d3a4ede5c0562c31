/// Offenders as a check collects them: the first `CheckResult.shownOffenders` kept, the rest
/// only counted. A manifest listing a million missing files costs a counter, not a million
/// strings (reports show the first few and the count anyway).
public struct OffenderList: Sendable {
    public private(set) var first: [Offender] = []
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public mutating func append(_ offender: Offender) {
        if first.count < CheckResult.shownOffenders { first.append(offender) }
        count += 1
    }

    public static func += (list: inout OffenderList, more: [Offender]) {
        for offender in more { list.append(offender) }
    }
}

extension CheckResult {
    public init(_ id: CheckID, status: CheckStatus, message: String, offenders: OffenderList, seconds: Double = 0) {
        self.init(id, status: status, message: message, offenders: offenders.first, seconds: seconds)
        offenderCount = offenders.count
    }

    /// Pass when there are no offenders, else `failing` with the full count in the message.
    public static func judge(
        _ id: CheckID, offenders: OffenderList, failing: CheckStatus = .fail,
        pass: String, fail: (Int) -> String
    ) -> CheckResult {
        offenders.isEmpty
            ? CheckResult(id, status: .pass, message: pass)
            : CheckResult(id, status: failing, message: fail(offenders.count), offenders: offenders)
    }
}
