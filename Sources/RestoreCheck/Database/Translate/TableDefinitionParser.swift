import Foundation

/// Turns a MySQL or PostgreSQL `CREATE TABLE` into SQLite's: column names and types (as
/// affinities), primary and unique keys; foreign keys go to the catalog to be checked after
/// the data is in. Defaults, collations, engines and index hints are not data and are dropped.
struct TableDefinitionParser {
    let dialect: DumpDialect
    /// The translator's name for a table this one refers to (a foreign key's parent, a
    /// partition's parent): the dump's `schema.name` as the SQLite file names it.
    var tableName: ((schema: String?, name: String)) -> String = { $0.name }

    struct Result {
        var table: SchemaCatalog.Table
        var sql: String
        var foreignKeys: [SchemaCatalog.ForeignKey]
        /// `CREATE TABLE … PARTITION OF parent` (a partition declared inline).
        var partitionOf: String?
    }

    /// Words that end a column's type and start its constraints.
    private static let typeStops: Set<String> = [
        "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
        "COLLATE", "CHARSET", "AUTO_INCREMENT", "GENERATED", "CONSTRAINT",
        "COMMENT", "ON", "AS", "INVISIBLE", "KEY",
    ]

    private static let standardConstraints: Set<String> = ["PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "LIKE"]

    /// `cursor` is just after `CREATE [UNLOGGED] TABLE [IF NOT EXISTS]`.
    /// A column definition no engine would accept (an unbalanced parenthesis in its type, no
    /// name): the import must fail at this statement, as the dump's own engine would.
    struct Damage: Error, CustomStringConvertible {
        let description: String
    }

    /// The table, or nil for a form this parser does not read (reported as not carried);
    /// throws `Damage` for a definition its engine would refuse.
    func parse(_ cursor: inout SQLCursor, name: String, catalog: SchemaCatalog) throws(Damage) -> Result? {
        var table = SchemaCatalog.Table(name: name, columns: [])
        var keys: [String] = []
        var foreignKeys: [SchemaCatalog.ForeignKey] = []
        var partitionOf: String?
        if cursor.accept("PARTITION", "OF"), let parent = cursor.qualifiedName() {
            partitionOf = tableName(parent)
            guard let parentTable = catalog.table(tableName(parent)) else { return nil }
            table.columns = parentTable.columns
        } else {
            guard cursor.accept(byte: 0x28) else { return nil }
            for element in elements(&cursor) {
                var item = SQLCursor(element, dialect: dialect)
                if item.accept("CONSTRAINT") { _ = item.identifier() }
                item.skipSpace()
                // A quoted first word is always a column; so is `fulltext` in PostgreSQL,
                // where only standard table constraints exist.
                let quoted = item.current == 0x60 || item.current == 0x22
                let word = quoted ? nil : item.peekWord()
                let constraint = word.flatMap { dialect == .mysql || Self.standardConstraints.contains($0) ? $0 : nil }
                switch constraint {
                case "PRIMARY":
                    _ = item.accept("PRIMARY", "KEY")
                    if let columns = item.identifierList() {
                        keys.append("PRIMARY KEY (\(columns.map(quoteIdentifier).joined(separator: ", ")))")
                    }
                case "UNIQUE":
                    _ = item.accept("UNIQUE")
                    _ = item.accept("KEY") || item.accept("INDEX")
                    item.skipSpace()
                    if item.current != 0x28 { _ = item.identifier() }
                    if let columns = item.identifierList() {
                        keys.append("UNIQUE (\(columns.map(quoteIdentifier).joined(separator: ", ")))")
                    }
                case "FOREIGN":
                    _ = item.accept("FOREIGN", "KEY")
                    item.skipSpace()
                    if item.current != 0x28 { _ = item.identifier() }
                    if let columns = item.identifierList(), item.accept("REFERENCES"),
                        let parent = item.qualifiedName(),
                        let parentColumns = item.identifierList()
                    {
                        foreignKeys.append(
                            .init(
                                name: nil, table: name, columns: columns, parent: tableName(parent),
                                parentColumns: parentColumns))
                    }
                case "KEY", "INDEX", "FULLTEXT", "SPATIAL", "CHECK", "EXCLUDE", "LIKE", "PERIOD":
                    continue
                default:
                    table.columns.append(
                        try self.column(&item, table: name, foreignKeys: &foreignKeys, catalog: catalog))
                }
            }
        }
        try Self.checkBalance(after: cursor, table: name)
        if cursor.accept("PARTITION", "BY") { table.isPartitioned = true }
        guard !table.columns.isEmpty else { return nil }
        let columns = table.columns.map {
            "\(quoteIdentifier($0.name)) \($0.affinity.rawValue)" + ($0.notNull ? " NOT NULL" : "")
        }
        let sql = "CREATE TABLE \(quoteIdentifier(name)) (\((columns + keys).joined(separator: ", ")))"
        return Result(table: table, sql: sql, foreignKeys: foreignKeys, partitionOf: partitionOf)
    }

    private func column(
        _ item: inout SQLCursor, table: String, foreignKeys: inout [SchemaCatalog.ForeignKey],
        catalog: SchemaCatalog
    ) throws(Damage) -> SchemaCatalog.Column {
        guard let name = item.identifier() else {
            throw Damage(description: "a column definition does not start with a name: \(Self.excerpt(item.bytes))")
        }
        // The type: everything up to the first constraint word outside parentheses.
        item.skipSpace()
        let typeStart = item.index
        var typeEnd = item.index
        var depth = 0
        while !item.atEnd {
            item.skipSpace()
            guard let byte = item.current else { break }
            if byte == 0x28 {
                depth += 1
                item.index += 1
                typeEnd = item.index
                continue
            }
            if byte == 0x29 {
                depth -= 1
                guard depth >= 0 else {
                    throw Damage(description: "the type of column \(name) closes a parenthesis it never opened")
                }
                item.index += 1
                typeEnd = item.index
                continue
            }
            if byte == 0x27 || byte == 0x22 {
                _ =
                    item.identifier()
                    ?? {
                        item.index += 1
                        return ""
                    }()
                typeEnd = item.index
                continue
            }
            if depth == 0, let word = item.peekWord() {
                if Self.typeStops.contains(word) { break }
                if word == "CHARACTER", item.rest.uppercased().hasPrefix("CHARACTER SET") { break }
                _ = item.word()
                typeEnd = item.index
                continue
            }
            item.index += 1
            typeEnd = item.index
        }
        guard depth == 0 else { throw Damage(description: "the type of column \(name) leaves a parenthesis open") }
        let end = min(max(typeEnd, typeStart), item.bytes.count)
        let declared = String(decoding: item.bytes[typeStart..<end], as: UTF8.self)
        let (affinity, isBoolean) = catalog.affinity(of: declared.isEmpty ? "text" : declared)
        // An inline REFERENCES is a foreign key too; NOT NULL is kept unless something fills it.
        var notNull = false
        var filled = false
        while !item.atEnd {
            if item.accept("REFERENCES"), let parent = item.qualifiedName() {
                let parentColumns = item.identifierList() ?? []
                foreignKeys.append(
                    .init(
                        name: nil, table: table, columns: [name], parent: tableName(parent),
                        parentColumns: parentColumns))
                continue
            }
            if item.accept("NOT", "NULL") {
                notNull = true
                continue
            }
            guard let word = item.word() else {
                item.index += 1
                continue
            }
            if ["DEFAULT", "GENERATED", "IDENTITY", "AUTO_INCREMENT"].contains(word) { filled = true }
        }
        var column = SchemaCatalog.Column(name: name, affinity: affinity, isBoolean: isBoolean)
        // PostgreSQL is strict with what a column holds; MySQL dumps load non-strict.
        if dialect == .postgres {
            column.notNull = notNull && !filled
            column.check = ValueCheck.postgres(declared.isEmpty ? "text" : declared, catalog: catalog)
        }
        return column
    }

    /// What follows the column list (table options, partitioning) must close no parenthesis
    /// it did not open: a stray `)` means the list ended early, inside a damaged definition.
    static func checkBalance(after cursor: SQLCursor, table: String) throws(Damage) {
        var depth = 0
        var quote: UInt8?
        for byte in cursor.bytes[min(cursor.index, cursor.bytes.count)...] {
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case 0x27, 0x22, 0x60: quote = byte
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth < 0 {
                    throw Damage(
                        description: "a `)` closes nothing after the column list of \(table) (a damaged column type?)")
                }
            default: break
            }
        }
    }

    static func excerpt(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(60), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The comma-separated elements between the opening `(` (already read) and its `)`.
    private func elements(_ cursor: inout SQLCursor) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var depth = 0
        var start = cursor.index
        let bytes = cursor.bytes
        var quote: UInt8?
        while cursor.index < bytes.count {
            let byte = bytes[cursor.index]
            if let open = quote {
                if byte == 0x5C && dialect == .mysql && open == 0x27 {
                    cursor.index += 2
                    continue
                }
                if byte == open { quote = nil }
                cursor.index += 1
                continue
            }
            switch byte {
            case 0x27, 0x22, 0x60: quote = byte
            case 0x28: depth += 1
            case 0x29:
                if depth == 0 {
                    out.append(Array(bytes[start..<cursor.index]))
                    cursor.index += 1
                    return out.filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 } }
                }
                depth -= 1
            case 0x2C where depth == 0:
                out.append(Array(bytes[start..<cursor.index]))
                start = cursor.index + 1
            default: break
            }
            cursor.index += 1
        }
        return out
    }
}
