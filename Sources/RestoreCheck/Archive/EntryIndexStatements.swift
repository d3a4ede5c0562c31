/// The prepared statements behind `EntryIndex`, and the mapping between an `IndexedEntry`
/// and its row. Digests are stored as raw bytes, one column per algorithm.
final class EntryIndexStatements {
    private static let names = [
        "key", "production", "type", "permissions", "uid", "gid", "uname", "gname", "size", "mtime", "link",
        "restored", "md5", "sha1", "sha256", "sha512",
    ]
    static let columns = names.joined(separator: ", ")
    private static let algorithms: [DigestAlgorithm] = [.md5, .sha1, .sha256, .sha512]

    private let upsertRow: SQLiteStatement
    private let replaceRow: SQLiteStatement
    private let idOfKey: SQLiteStatement
    private let insertDirectory: SQLiteStatement
    private let directoryExists: SQLiteStatement
    private let database: SQLiteDatabase
    let byID: SQLiteStatement
    let byKey: SQLiteStatement
    let byProduction: SQLiteStatement

    init(_ database: SQLiteDatabase) throws {
        self.database = database
        let values = Array(repeating: "?", count: 16).joined(separator: ", ")
        let assignments = Self.names.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        upsertRow = try database.prepare(
            "INSERT INTO entry (\(Self.columns)) VALUES (\(values)) ON CONFLICT (key) DO UPDATE SET \(assignments) "
                + "RETURNING id")
        replaceRow = try database.prepare(
            "UPDATE entry SET (\(Self.columns)) = (\(values)) WHERE id = ?17")
        idOfKey = try database.prepare("SELECT id FROM entry WHERE key = ?")
        insertDirectory = try database.prepare("INSERT OR IGNORE INTO directory VALUES (?)")
        // A directory is known when recorded, or when some entry lies beneath it.
        directoryExists = try database.prepare("SELECT 1 FROM directory WHERE path = ?")
        byID = try database.prepare("SELECT \(Self.columns) FROM entry WHERE id = ?")
        byKey = try database.prepare("SELECT \(Self.columns) FROM entry WHERE key = ?")
        byProduction = try database.prepare(
            "SELECT \(Self.columns) FROM entry WHERE production = ? ORDER BY id DESC LIMIT 1")
    }

    /// Inserts or replaces by key; returns the row id (position + 1).
    func upsert(_ entry: IndexedEntry) throws -> Int {
        defer { upsertRow.reset() }
        try bind(entry, to: upsertRow)
        guard try upsertRow.step() else { throw database.error(0, sql: upsertRow.sql) }
        return Int(upsertRow.value(at: 0).integerValue ?? 0)
    }

    func replace(_ id: Int, with entry: IndexedEntry) throws {
        defer { replaceRow.reset() }
        try bind(entry, to: replaceRow)
        try replaceRow.bind(.integer(Int64(id)), at: 17)
        try replaceRow.step()
    }

    func id(ofKey key: String) throws -> Int? {
        defer { idOfKey.reset() }
        try idOfKey.bind(.text(Array(key.utf8)), at: 1)
        return try idOfKey.step() ? idOfKey.value(at: 0).integerValue.map(Int.init) : nil
    }

    func entry(where statement: SQLiteStatement, _ value: SQLValue) throws -> IndexedEntry? {
        defer { statement.reset() }
        try statement.bind(value, at: 1)
        return try statement.step() ? Self.read(statement) : nil
    }

    /// Records a directory; true when it was new.
    @discardableResult
    func addDirectory(_ path: String) throws -> Bool {
        defer { insertDirectory.reset() }
        try insertDirectory.bind(.text(Array(path.utf8)), at: 1)
        try insertDirectory.step()
        return database.changes > 0
    }

    func hasDirectory(_ path: String) throws -> Bool {
        defer { directoryExists.reset() }
        try directoryExists.bind(.text(Array(path.utf8)), at: 1)
        return try directoryExists.step()
    }

    private func bind(_ entry: IndexedEntry, to statement: SQLiteStatement) throws {
        let text: (String?) -> SQLValue = { $0.map { .text(Array($0.utf8)) } ?? .null }
        let values: [SQLValue] = [
            text(entry.key), text(entry.productionPath), text(entry.type.rawValue),
            .integer(Int64(entry.permissions)), .integer(entry.uid), .integer(entry.gid), text(entry.uname),
            text(entry.gname), .integer(entry.size), .integer(entry.mtime), text(entry.link),
            .integer(entry.restored ? 1 : 0),
        ]
        for (index, value) in values.enumerated() { try statement.bind(value, at: Int32(index + 1)) }
        for (offset, algorithm) in Self.algorithms.enumerated() {
            try statement.bind(entry.digests[algorithm].map { .blob($0.bytes) } ?? .null, at: Int32(13 + offset))
        }
    }

    static func read(_ row: SQLiteStatement) -> IndexedEntry {
        func text(_ column: Int32) -> String? {
            row.value(at: column).bytes.map { String(decoding: $0, as: UTF8.self) }
        }
        func integer(_ column: Int32) -> Int64 { row.value(at: column).integerValue ?? 0 }
        var digests: [DigestAlgorithm: Hex] = [:]
        for (offset, algorithm) in algorithms.enumerated() {
            if let bytes = row.value(at: Int32(12 + offset)).bytes { digests[algorithm] = Hex(bytes) }
        }
        return IndexedEntry(
            key: text(0) ?? "", productionPath: text(1) ?? "", type: EntryType(rawValue: text(2) ?? "") ?? .unknown,
            permissions: UInt32(truncatingIfNeeded: integer(3)), uid: integer(4), gid: integer(5), uname: text(6),
            gname: text(7), size: integer(8), mtime: integer(9), link: text(10), digests: digests,
            restored: integer(11) != 0)
    }
}

extension SQLValue {
    fileprivate var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
