import Foundation

/// What the command line adds to a plan for one run.
public struct VerifyOptions: Sendable {
    /// Overrides the set's `source:` (`-` reads standard input).
    public var archive: String?
    public var latest: String?
    /// Overrides the set's `manifest:`.
    public var manifest: String?
    public var scratch: String?
    public var keepSandbox = false
    public var strict = false
    /// The clock for every age judgement.
    public var now = Date()
    public var maxBytes: UInt64?
    public var maxEntryBytes: UInt64?
    public var maxEntries: Int?
    /// Called with progress during the restore: (archive bytes read, archive size if known, entries).
    public var progress: (@Sendable (UInt64, UInt64?, Int) -> Void)?

    /// Called while a dump is imported: (the dump, bytes of SQL read so far).
    public var databaseProgress: (@Sendable (String, UInt64) -> Void)?

    /// `diff --live ROOT`: compare the restored backup with this live tree.
    public var live: String?
    /// `--ignore GLOB` for the diff (with the plan's `ignore:`).
    public var ignore: [String] = []
    /// Leave dumps alone unless the plan names them (`diff` compares files).
    public var findDumps = true

    public init() {}
}
