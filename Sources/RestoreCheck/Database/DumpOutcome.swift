/// What the db phase concluded about one dump: its report (what arrived) and its checks.
/// Presets and `baseline` read this directly instead of searching rendered check names.
public struct DumpOutcome: Sendable {
    /// The dump's production path.
    public var dump: String
    /// What arrived, for the reports; nil when the file was not recognised as a dump at all.
    public var report: DumpReport?
    /// Every check on this dump, in the order they ran.
    public var checks: [CheckResult]

    /// The `complete` and `import` checks that failed or could not run: why the dump does
    /// not restore cleanly. Empty when it restores.
    public var restoreProblems: [CheckResult] {
        checks.filter { ($0.id.check == "complete" || $0.id.check == "import") && $0.isProblem }
    }

    public var restores: Bool { restoreProblems.isEmpty }
}

extension Array where Element == DumpOutcome {
    /// Every check of every dump, in order.
    var checks: [CheckResult] { flatMap(\.checks) }
    /// The dumps that were recognised, for the reports.
    var reports: [DumpReport] { compactMap(\.report) }
}
