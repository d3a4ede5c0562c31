/// What a manifest says the archive holds: per entry, digests and (for mtree) metadata.
/// Names are normalized keys (`./var/x` and `var/x` are the same entry).
public struct Manifest: Sendable {
    public enum Kind: String, Sendable, Codable {
        case checksumList = "checksum-list"
        case mtree
    }

    /// Where it came from, for messages: a path, or `SHA256SUMS (inside the archive)`.
    public var origin: String
    public var kind: Kind
    public var entries: [ManifestEntry]
    /// The manifest's own key inside the archive, when it came from there (it never lists itself).
    public var selfKey: String?
    /// The directory of an embedded manifest inside the archive: its names are relative to it.
    public var baseKey = ""

    public var algorithms: Set<DigestAlgorithm> {
        Set(entries.flatMap { $0.digests.keys })
    }

    /// Parses checksum lines or an mtree spec, whichever the text is.
    public static func parse(_ bytes: [UInt8], origin: String) throws -> Manifest {
        if MtreeParser.looksLikeMtree(bytes) {
            return Manifest(origin: origin, kind: .mtree, entries: try MtreeParser(origin: origin).parse(bytes))
        }
        return Manifest(
            origin: origin, kind: .checksumList, entries: try ChecksumListParser(origin: origin).parse(bytes))
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
