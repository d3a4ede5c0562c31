import Foundation

/// Everything the streaming pass learned: the index, the facts of the archive, and what went
/// wrong on the way, each tied to the entry where it happened.
///
/// Not `Sendable`: the index is a SQLite connection, used by one step at a time.
public struct RestoreOutcome {
    public var index: EntryIndex
    public var facts = ArchiveFacts()
    /// Digests of the whole archive file (SHA-256, and SHA-512 when a sidecar asks for it).
    public var rawDigests: [DigestAlgorithm: Hex] = [:]
    /// The first damage met (truncation, CRC, decompression), with the entry.
    public var damage: [Offender] = []
    /// Non-fatal oddities libarchive reported (a name not valid in the locale, say).
    public var warnings: [Offender] = []
    /// Entries refused or restored without dangerous bits.
    public var unsafe: [Offender] = []
    /// Set when a limit stopped the restore.
    public var limitHit: Offender?
    /// Entries dropped by `layout.strip_components`.
    public var strippedAway = 0
    /// Manifests found at the archive's root, parsed, or the error that stopped one.
    public var embeddedManifests: [Manifest] = []
    public var manifestErrors: [String] = []
    /// True when the pass read to the end of the archive.
    public var complete = false

    public init(index: EntryIndex) { self.index = index }
}

/// The archive as a whole, for reports.
public struct ArchiveFacts: Sendable, Codable {
    public var path = ""
    public var format = ""
    public var filters: [String] = []
    public var sizeBytes: UInt64 = 0
    public var sha256: String?
    public var mtime: Date?
    public var entries = 0
    public var restoredBytes: UInt64 = 0
    public var recordsOwners = true
    public init() {}
}

/// A named thing a check blames, and why.
public struct Offender: Sendable, Codable, Equatable {
    public var name: String
    public var reason: String
    public init(_ name: String, _ reason: String) {
        self.name = name
        self.reason = reason
    }
}
