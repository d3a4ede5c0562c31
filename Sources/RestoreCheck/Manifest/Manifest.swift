/// What a manifest says the archive holds: per entry, digests and (for mtree) metadata.
/// Names are normalized keys (`./var/x` and `var/x` are the same entry).
///
/// A manifest is read from its source each time it is walked, never held whole: a 100 MB
/// `SHA256SUMS` (or one that compresses to 1 MB inside the archive) costs one line of memory.
public struct Manifest: Sendable {
    public enum Kind: String, Sendable, Codable {
        case checksumList = "checksum-list"
        case mtree
    }

    /// Where it came from, for messages: a path, or `SHA256SUMS (inside the archive)`.
    public var origin: String
    public var kind: Kind
    /// Where its bytes are read from, each time it is walked.
    public let source: ManifestSource
    /// The digests it lists, so the restore pass takes them.
    public private(set) var algorithms: Set<DigestAlgorithm> = []
    /// How many entries it lists.
    public private(set) var count = 0
    /// The manifest's own key inside the archive, when it came from there (it never lists itself).
    public var selfKey: String?
    /// The directory of an embedded manifest inside the archive: its names are relative to it.
    public var baseKey = ""

    /// Reads the source once: its kind, that every line parses, the digests it lists.
    public static func load(_ source: ManifestSource, origin: String) throws -> Manifest {
        let head = try source.head(4096)
        var manifest = Manifest(
            origin: origin, kind: MtreeParser.looksLikeMtree(head) ? .mtree : .checksumList, source: source)
        var algorithms: Set<DigestAlgorithm> = []
        var count = 0
        try manifest.forEachEntry { entry in
            algorithms.formUnion(entry.digests.keys)
            count += 1
        }
        manifest.algorithms = algorithms
        manifest.count = count
        return manifest
    }

    /// Parses bytes in memory (tests, and small manifests a caller already holds).
    public static func parse(_ bytes: [UInt8], origin: String) throws -> Manifest {
        try load(.bytes(bytes), origin: origin)
    }

    /// Calls `body` with each entry in order, reading the source again line by line.
    public func forEachEntry(_ body: (ManifestEntry) throws -> Void) throws {
        let lines = try source.lines(origin: origin)
        switch kind {
        case .mtree:
            var parser = MtreeParser(origin: origin)
            try lines.read { line, number in
                if let entry = try parser.entry(line, number: number) { try body(entry) }
            }
            try parser.finish()
        case .checksumList:
            let parser = ChecksumListParser(origin: origin)
            var count = 0
            try lines.read { line, number in
                if let entry = try parser.entry(line, number: number) {
                    count += 1
                    try body(entry)
                }
            }
            try parser.finish(count: count)
        }
    }

    /// Every entry, in memory: for tests and small manifests only.
    public var entries: [ManifestEntry] {
        var all: [ManifestEntry] = []
        try? forEachEntry { all.append($0) }
        return all
    }
}

public struct ManifestEntry: Sendable {
    public var key: String
    public var line: Int
    public var digests: [DigestAlgorithm: Hex] = [:]
    public var type: EntryType?
    public var mode: UInt32?
    public var uid: Int64?
    public var gid: Int64?
    public var uname: String?
    public var gname: String?
    public var link: String?
    public var size: Int64?
    /// mtree `optional`: the entry may be absent.
    public var optional = false

    public init(key: String, line: Int) {
        self.key = key
        self.line = line
    }
}

/// Splits bytes into lines (LF, with a CR before it dropped), numbered from 1.
enum ManifestLines {
    static func split(_ bytes: [UInt8]) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        var lines: [(Int, ArraySlice<UInt8>)] = []
        var start = bytes.startIndex
        var number = 1
        for index in bytes.indices where bytes[index] == 0x0A {
            var end = index
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            lines.append((number, bytes[start..<end]))
            start = index + 1
            number += 1
        }
        if start < bytes.endIndex { lines.append((number, bytes[start...])) }
        return lines
    }
}
