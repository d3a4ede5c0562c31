/// The one answer a set, or a run, comes to. Computed in one place (`init(of:)`) from check
/// statuses, so the console, the reports, the history and the metrics cannot disagree.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    /// Every check passed (or was skipped, or only warned without --strict).
    case pass
    /// The backup failed verification.
    case fail
    /// Something could not be checked, so nothing can be promised.
    case error

    /// The worst outcome among `statuses`: any failure fails; else any error is an error;
    /// nothing at all to judge is an error too (no check is not a pass).
    public init(of statuses: some Sequence<CheckStatus>) {
        var sawAny = false
        var sawError = false
        for status in statuses {
            sawAny = true
            if status == .fail {
                self = .fail
                return
            }
            if status == .error { sawError = true }
        }
        self = sawError || !sawAny ? .error : .pass
    }

    /// The process exit code: 0 verified, 1 the backup failed, 2 could not verify.
    public var exitCode: Int32 {
        switch self {
        case .pass: return 0
        case .fail: return 1
        case .error: return 2
        }
    }

    /// How bad, for listing the worst first: a failed backup, then one that could not be
    /// verified, then a pass (the order `init(of:)` weighs them in).
    public var rank: Int {
        switch self {
        case .pass: return 0
        case .error: return 1
        case .fail: return 2
        }
    }

    /// How the console and the HTML say it.
    public var headline: String {
        switch self {
        case .pass: return "PASS"
        case .fail: return "FAIL"
        case .error: return "COULD NOT VERIFY"
        }
    }
}
