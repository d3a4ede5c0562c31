import CRCSQLite

/// All entries of one archive, by archive key and by production path. A name that appears
/// twice (an appended tar) keeps its last copy, as extraction does.
///
/// The entries live in a SQLite file beside the sandbox root, not in memory: an archive of
/// millions of small files must not cost hundreds of bytes of heap each (600 B/entry made
/// 2M empty files take 1.2 GB). SQLite's page cache bounds what stays resident.
public final class EntryIndex {
    private let database: SQLiteDatabase
    private let statements: EntryIndexStatements
    public private(set) var count = 0
    /// The parent directory of the entry added last: siblings share it, so its ancestors
    /// are known to be recorded already.
    private var lastParent = ""

    /// `file`: where the index is written (in the sandbox, removed with it); nil for a private
    /// temporary file SQLite deletes when the index goes (tests).
    public init(file: String? = nil) throws {
        database = try SQLiteDatabase(path: file ?? "")
        try database.execute(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -8192;
            PRAGMA temp_store = FILE;
            CREATE TABLE entry (
              id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, production TEXT NOT NULL, type TEXT NOT NULL,
              permissions INTEGER, uid INTEGER, gid INTEGER, uname TEXT, gname TEXT, size INTEGER,
              mtime INTEGER, link TEXT, restored INTEGER, md5 BLOB, sha1 BLOB, sha256 BLOB, sha512 BLOB);
            CREATE INDEX entry_production ON entry (production);
            CREATE TABLE directory (path TEXT PRIMARY KEY) WITHOUT ROWID;
            INSERT INTO directory VALUES ('/');
            BEGIN;
            """)
        statements = try EntryIndexStatements(database)
    }

    /// The first read or write that failed after `add` (an update through the subscript, a
    /// lookup, an iteration ended early): reported as an error, so no check judges an index
    /// that misses what it was told.
    public private(set) var failure: String?

    /// Adds an entry (or replaces the one with its key); returns its position. Throws when
    /// the index file cannot be written (the sandbox's disk is full).
    @discardableResult
    public func add(_ entry: IndexedEntry) throws -> Int {
        let position = try statements.upsert(entry)
        if position > count { count = position }
        try recordDirectories(of: entry)
        return position - 1
    }

    /// A read; a failure is recorded (as `failure`) and reads as nothing found.
    private func reading<T>(_ body: () throws -> T?) -> T? {
        do { return try body() } catch {
            record("the entry index could not be read: \(error)")
            return nil
        }
    }

    private func record(_ message: String) { failure = failure ?? message }

    public subscript(position: Int) -> IndexedEntry {
        get { reading { try statements.entry(where: statements.byID, .integer(Int64(position + 1))) } ?? Self.missing }
        set {
            do { try statements.replace(position + 1, with: newValue) } catch {
                record("the entry index could not be updated: \(error)")
            }
        }
    }

    public func position(ofKey key: String) -> Int? {
        reading { try statements.id(ofKey: key) }.map { $0 - 1 }
    }

    public func entry(key: String) -> IndexedEntry? {
        reading { try statements.entry(where: statements.byKey, .text(Array(key.utf8))) }
    }

    public func entry(productionPath: String) -> IndexedEntry? {
        reading { try statements.entry(where: statements.byProduction, .text(Array(productionPath.utf8))) }
    }

    /// An entry by a manifest's name: first as an archive name, then as a production path.
    public func entry(manifestKey key: String) -> IndexedEntry? {
        entry(key: key) ?? entry(productionPath: "/" + key)
    }

    /// Every entry in archive order, read as it is iterated (never all at once).
    public var entries: EntryIndexRows<IndexedEntry> {
        let statement = reading {
            try database.prepare("SELECT \(EntryIndexStatements.columns) FROM entry ORDER BY id")
        }
        return EntryIndexRows(statement: statement, failed: record) { EntryIndexStatements.read($0) }
    }

    /// True when `path` (a production path) is a directory holding an entry, or one itself.
    public func hasDirectory(_ path: String) -> Bool {
        reading { try statements.hasDirectory(path) } ?? false
    }

    /// Production paths of every directory that holds an entry (explicit or implied), sorted.
    public var directories: EntryIndexRows<String> {
        EntryIndexRows(
            statement: reading { try database.prepare("SELECT path FROM directory ORDER BY path") }, failed: record
        ) {
            $0.value(at: 0).bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    private func recordDirectories(of entry: IndexedEntry) throws {
        if entry.type == .directory { try statements.addDirectory(entry.productionPath) }
        guard let slash = entry.productionPath.lastIndex(of: "/") else { return }
        let parent = slash == entry.productionPath.startIndex ? "/" : String(entry.productionPath[..<slash])
        guard parent != lastParent else { return }
        lastParent = parent
        var directory = parent
        // Up to the first ancestor already known: each directory is written once.
        while try statements.addDirectory(directory), let cut = directory.lastIndex(of: "/"), directory != "/" {
            directory = cut == directory.startIndex ? "/" : String(directory[..<cut])
        }
    }

    /// What a failed read returns instead of trapping (the index file is gone or the disk failed).
    static let missing = IndexedEntry(
        key: "", productionPath: "", type: .unknown, permissions: 0, uid: 0, gid: 0, uname: nil, gname: nil,
        size: 0, mtime: 0, link: nil, restored: false)
}

/// Rows of the index read one at a time from a prepared statement, as a `Sequence`.
public struct EntryIndexRows<Element>: Sequence {
    fileprivate let statement: SQLiteStatement?
    fileprivate let failed: (String) -> Void
    fileprivate let read: (SQLiteStatement) -> Element

    public struct Iterator: IteratorProtocol {
        fileprivate let statement: SQLiteStatement?
        fileprivate let failed: (String) -> Void
        fileprivate let read: (SQLiteStatement) -> Element
        public mutating func next() -> Element? {
            guard let statement else { return nil }
            do {
                guard try statement.step() else { return nil }
            } catch {
                // The rows end early: said, so no check judges a shorter index as whole.
                failed("the entry index could not be read to its end: \(error)")
                return nil
            }
            return read(statement)
        }
    }

    public func makeIterator() -> Iterator { Iterator(statement: statement, failed: failed, read: read) }
}
