/// A set's name is a directory of the report directory (`REPORT-DIR/<set>/…`) and a metrics
/// label, so it must be one safe path segment: letters, digits, `-`, `_` and `.`, and never
/// `.` or `..` (which would put reports beside or above the report directory).
public enum SetName {
    /// Names the report directory holds for itself: `runs/` (each run's own reports) and
    /// the history file.
    public static let reserved: Set<String> = ["runs", "history.sqlite"]

    /// Safe and not reserved: a name a set may have.
    public static func isUsable(_ name: String) -> Bool { isSafe(name) && !reserved.contains(name) }

    public static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && !name.allSatisfy { $0 == "." }
            && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }
}
