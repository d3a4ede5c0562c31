/// A database a dump was restored into, as the checks see it, whatever the engine.
protocol RestoredDatabase: AnyObject {
    /// The engine, for messages ("SQLite", "PostgreSQL 15", "MariaDB").
    var engine: String { get }
    /// The first column of the first row; nil when the query returns no row.
    func firstValue(_ sql: String) throws -> SQLValue?
    /// Every table of the restored data with its row count, in name order.
    func tableCounts() throws -> [TableCount]
    /// The engine's own integrity check plus the dump's foreign keys: each problem found.
    func integrityProblems() throws -> [Offender]
}

/// One table and its rows, for the reports (row counts of every table appear even
/// when no rule names them).
public struct TableCount: Codable, Sendable, Equatable {
    public var name: String
    public var rows: Int
}

/// The SQLite target (and SQLite database files found in the backup, checked in place).
final class SQLiteRestoredDatabase: RestoredDatabase {
    let database: SQLiteDatabase
    let foreignKeys: [SchemaCatalog.ForeignKey]
    let engine = "SQLite"

    init(database: SQLiteDatabase, foreignKeys: [SchemaCatalog.ForeignKey]) {
        self.database = database
        self.foreignKeys = foreignKeys
    }

    func firstValue(_ sql: String) throws -> SQLValue? {
        try database.rows(sql, limit: 1).first?.first
    }

    func tableCounts() throws -> [TableCount] {
        let names = try database.rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY "
                + "name"
        )
        var out: [TableCount] = []
        for row in names {
            guard case .text(let bytes)? = row.first else { continue }
            let name = String(decoding: bytes, as: UTF8.self)
            let count = try firstValue("SELECT count(*) FROM \(quoteIdentifier(name))")
            if case .integer(let rows)? = count { out.append(TableCount(name: name, rows: Int(rows))) }
        }
        return out
    }

    /// A damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) is a problem found, not a check that
    /// could not run: the backup is bad.
    func integrityProblems() throws -> [Offender] {
        var problems: [Offender] = []
        do {
            try collect(&problems)
        } catch let error as SQLiteError where error.code.isCorrupt {
            problems.append(
                Offender(database.path.split(separator: "/").last.map(String.init) ?? "database", error.message))
        }
        return problems
    }

    private func collect(_ problems: inout [Offender]) throws {
        for row in try database.rows("PRAGMA integrity_check", limit: 100) {
            let text = row.first?.display ?? ""
            if text != "ok" { problems.append(Offender("integrity_check", text)) }
        }
        for row in try database.rows("PRAGMA foreign_key_check", limit: 100) {
            let table = row.first?.display ?? "?"
            let rowid = row.count > 1 ? row[1].display : "?"
            let parent = row.count > 2 ? row[2].display : "?"
            problems.append(Offender(table, "row \(rowid) refers to a missing row of \(parent)"))
        }
        for key in foreignKeys {
            problems += try check(key)
        }
    }

    /// Child rows whose key has no parent row, for a foreign key the dump declared in another
    /// dialect (so SQLite does not know it). A key naming a table that did not arrive is a
    /// problem too: the data it points at is missing.
    private func check(_ key: SchemaCatalog.ForeignKey) throws -> [Offender] {
        let label = key.name ?? "\(key.table)(\(key.columns.joined(separator: ", ")))"
        let exists = { (name: String) throws -> Bool in
            try self.firstValue(
                "SELECT count(*) FROM sqlite_master WHERE name = '\(name.replacingQuotes)' COLLATE NOCASE AND type IN "
                    + "('table', 'view')"
            ) != .integer(0)
        }
        guard try exists(key.table) else { return [] }
        guard try exists(key.parent) else {
            return [Offender(label, "refers to \(key.parent), which is not in the dump")]
        }
        let parentColumns = key.parentColumns.isEmpty ? key.columns : key.parentColumns
        guard parentColumns.count == key.columns.count else { return [] }
        let notNull = key.columns.map { "c.\(quoteIdentifier($0)) IS NOT NULL" }.joined(separator: " AND ")
        let match = zip(key.columns, parentColumns).map { "p.\(quoteIdentifier($1)) = c.\(quoteIdentifier($0))" }
            .joined(separator: " AND ")
        let sql =
            "SELECT count(*) FROM \(quoteIdentifier(key.table)) AS c WHERE \(notNull) AND NOT EXISTS (SELECT 1 FROM "
            + "\(quoteIdentifier(key.parent)) AS p WHERE \(match))"
        guard case .integer(let orphans)? = try firstValue(sql), orphans > 0 else { return [] }
        return [
            Offender(label, "\(plural(Int(orphans), "row")) of \(key.table) refer to rows missing from \(key.parent)")
        ]
    }
}

extension String {
    /// For a name inside a single-quoted SQL literal.
    var replacingQuotes: String { split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") }
}
