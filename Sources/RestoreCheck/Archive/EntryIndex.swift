/// One entry as the restore saw it: header metadata, where it landed, and its digests.
/// Only this compact record is kept per entry, never the data.
public struct IndexedEntry: Sendable {
    /// The archive's own name for it, normalized (`./a/b` → `a/b`).
    public var key: String
    /// Where it belongs on the production server (`/var/www/html/index.php`).
    public var productionPath: String
    public var type: EntryType
    public var permissions: UInt32
    public var uid: Int64
    public var gid: Int64
    public var uname: String?
    public var gname: String?
    public var size: Int64
    public var mtime: Int64
    /// Symlink target (as recorded) or hardlink target (its key).
    public var link: String?
    public var digests: [DigestAlgorithm: Hex] = [:]
    /// False when the entry was refused or could not be written.
    public var restored: Bool
}

/// All entries of one archive, by archive key and by production path. A name that appears
/// twice (an appended tar) keeps its last copy, as extraction does.
public struct EntryIndex: Sendable {
    public private(set) var entries: [IndexedEntry] = []
    private var byKey: [String: Int] = [:]
    private var byProduction: [String: Int] = [:]
    /// Production paths of every directory that holds an entry (explicit or implied).
    public private(set) var directories: Set<String> = ["/"]

    public init() {}

    @discardableResult
    public mutating func add(_ entry: IndexedEntry) -> Int {
        if let existing = byKey[entry.key] {
            entries[existing] = entry
            byProduction[entry.productionPath] = existing
            return existing
        }
        entries.append(entry)
        byKey[entry.key] = entries.count - 1
        byProduction[entry.productionPath] = entries.count - 1
        var parent = entry.productionPath
        while let slash = parent.lastIndex(of: "/"), parent != "/" {
            parent = slash == parent.startIndex ? "/" : String(parent[..<slash])
            if !directories.insert(parent).inserted { break }
        }
        if entry.type == .directory { directories.insert(entry.productionPath) }
        return entries.count - 1
    }

    public subscript(position: Int) -> IndexedEntry {
        get { entries[position] }
        set { entries[position] = newValue }
    }

    public func position(ofKey key: String) -> Int? { byKey[key] }
    public func entry(key: String) -> IndexedEntry? { byKey[key].map { entries[$0] } }
    public func entry(productionPath: String) -> IndexedEntry? { byProduction[productionPath].map { entries[$0] } }

    /// An entry by a manifest's name: first as an archive name, then as a production path.
    public func entry(manifestKey key: String) -> IndexedEntry? {
        entry(key: key) ?? entry(productionPath: "/" + key)
    }

    public var count: Int { entries.count }
}
