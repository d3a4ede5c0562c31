/// The stages of a set's verification, in the order the flow runs them. Reports group checks
/// by phase (one JUnit suite each) and the console prints one line per phase.
public enum Phase: String, Codable, Sendable, CaseIterable, Comparable {
    /// Which archive, how old, its sidecar checksum, its copies and where it sits.
    case source
    /// The archive itself: readable to its end, safe, within limits.
    case archive
    /// The restored tree: manifests, expectations, presets.
    case files
    /// Every dump re-imported and judged.
    case db
    /// `diff`: the restored backup against the live tree.
    case diff

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
