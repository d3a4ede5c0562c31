import Foundation

/// pg_dump plain format into SQLite: tables rebuilt from their columns (domains and enums
/// resolved to their base types), `COPY … FROM stdin` data bound row by row, primary and
/// unique constraints added after the data as unique indexes (so duplicates are caught),
/// foreign keys checked after the import, partitions gathered under a view named like their
/// parent. Functions, triggers, views and the like are reported by name.
struct PostgresDumpTranslator: DumpTranslator {
    private(set) var catalog = SchemaCatalog()
    private let inserts = InsertParser(dialect: .postgres)
    /// Unique keys, made once the data is in (and the tables have their final names).
    private var uniqueKeys: [(name: String, table: String, columns: [String])] = []

    /// After `\connect db` (pg_dumpall, pg_dump -C), tables are named `db.table`.
    private var qualifier = DatabaseQualifier()
    var databases: [String] { qualifier.withTables }

    /// `public.t` is `t`; another schema's table keeps its schema in its name: `audit.log`.
    static func localName(_ name: (schema: String?, name: String)) -> String {
        guard let schema = name.schema, schema != "public", schema != "pg_catalog" else { return name.name }
        return "\(schema).\(name.name)"
    }

    /// The table's name in the SQLite file: its local name, in its database when the dump
    /// connects to databases.
    func tableName(_ name: (schema: String?, name: String)) -> String {
        qualifier.qualify(Self.localName(name))
    }

    /// `\connect shop` (or pg_dumpall's `\connect -reuse-previous=on "dbname='shop'"`).
    mutating func clientCommand(_ line: [UInt8]) {
        if let database = Self.connectTarget(line) { qualifier.use(database) }
    }

    /// `('a', 'b''c')`: the labels of `CREATE TYPE … AS ENUM`.
    static func enumLabels(_ cursor: inout SQLCursor) -> [String] {
        guard cursor.accept(byte: 0x28) else { return [] }
        var labels: [String] = []
        repeat {
            cursor.skipSpace()
            guard cursor.current == 0x27, case .text(let bytes)? = InsertParser(dialect: .postgres).literal(&cursor)
            else { return labels }
            labels.append(String(decoding: bytes, as: UTF8.self))
        } while cursor.accept(byte: 0x2C)
        return labels
    }

    /// The database a psql `\connect` line switches to, if it is one.
    static func connectTarget(_ line: [UInt8]) -> String? {
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("\\connect ") || text.hasPrefix("\\c ") else { return nil }
        var rest = text.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
        if let quoted = rest.firstMatch(of: #/dbname='((?:[^']|'')*)'/#) {
            rest = String(quoted.1).replacingOccurrences(of: "''", with: "'")
        } else {
            rest = String(rest.split(separator: " ").first ?? "")
            if rest.hasPrefix("\""), rest.hasSuffix("\""), rest.count >= 2 {
                rest = String(rest.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
        }
        return rest.isEmpty ? nil : rest
    }

    mutating func action(for statement: [UInt8]) -> DumpAction {
        var cursor = SQLCursor(statement, dialect: .postgres)
        guard let verb = cursor.word() else { return .ignore }
        switch verb {
        case "SET", "RESET", "COMMENT", "GRANT", "REVOKE", "SECURITY", "BEGIN", "COMMIT", "START", "REFRESH", "LOCK":
            return .ignore
        case "SELECT":
            // pg_catalog.set_config(…) and pg_catalog.setval(…): session and sequence state.
            return String(decoding: statement.prefix(64), as: UTF8.self).contains("pg_catalog.set")
                ? .ignore : Self.unknown(verb, statement)
        case "COPY":
            guard let name = cursor.qualifiedName() else { return Self.unknown("COPY", statement) }
            cursor.skipSpace()
            let columns = cursor.current == 0x28 ? cursor.identifierList() : nil
            guard cursor.accept("FROM", "STDIN") else { return Self.unknown("COPY", statement) }
            return .copy(table: tableName(name), columns: columns)
        case "INSERT":
            guard var header = inserts.header(statement) else { return Self.unknown("INSERT", statement) }
            header.table = tableName((header.schema, header.table))
            return .insert(header)
        case "CREATE":
            return create(&cursor, statement)
        case "ALTER":
            return alter(&cursor)
        default:
            return Self.unknown(verb, statement)
        }
    }

    private mutating func create(_ cursor: inout SQLCursor, _ statement: [UInt8]) -> DumpAction {
        _ = cursor.accept("OR", "REPLACE")
        _ = cursor.accept("UNLOGGED") || cursor.accept("TEMPORARY") || cursor.accept("TEMP")
        guard let kind = cursor.word() else { return .ignore }
        switch kind {
        case "TABLE":
            _ = cursor.accept("IF", "NOT", "EXISTS")
            guard let name = cursor.qualifiedName() else { return .notCarried(kind: "table", name: "?") }
            let table = tableName(name)
            let parsed: TableDefinitionParser.Result?
            do {
                let qualifier = qualifier
                parsed = try TableDefinitionParser(
                    dialect: .postgres, tableName: { qualifier.qualify(Self.localName($0)) }
                ).parse(&cursor, name: table, catalog: catalog)
            } catch {
                return .cannotLoad("CREATE TABLE \(table) cannot be read: \(error)")
            }
            guard let result = parsed else { return .notCarried(kind: "table", name: table) }
            catalog.add(result.table)
            qualifier.created()
            if let parent = result.partitionOf { catalog.partitions[parent.lowercased(), default: []].append(table) }
            catalog.foreignKeys += result.foreignKeys
            return .execute(result.sql)
        case "SCHEMA", "SEQUENCE", "INDEX", "STATISTICS", "PUBLICATION", "SUBSCRIPTION", "COLLATION", "TEXT",
            // pg_dumpall: a database is its tables' `db.` prefix here; roles are not data.
            "DATABASE", "ROLE", "USER", "GROUP":
            return .ignore // namespaces, sequence state, plain indexes: not data
        case "UNIQUE":
            return .ignore // a unique index by name; its constraint twin (ADD CONSTRAINT) is carried
        case "DOMAIN":
            if let name = cursor.qualifiedName(), cursor.accept("AS") {
                cursor.skipSpace()
                let base = cursor.rest.split(whereSeparator: { $0 == "\n" }).first.map(String.init) ?? "text"
                catalog.domains[name.name.lowercased()] = base.components(separatedBy: " CONSTRAINT").first ?? base
            }
            return .ignore
        case "TYPE":
            guard let name = cursor.qualifiedName() else { return .ignore }
            if cursor.accept("AS", "ENUM") {
                catalog.domains[name.name.lowercased()] = "text"
                catalog.enums[name.name.lowercased()] = Set(Self.enumLabels(&cursor))
                return .ignore
            }
            catalog.domains[name.name.lowercased()] = "text"
            return .notCarried(kind: "type", name: name.name)
        case "MATERIALIZED":
            _ = cursor.accept("VIEW")
            return .notCarried(kind: "materialized view", name: Self.objectName(cursor))
        case "EVENT":
            _ = cursor.accept("TRIGGER")
            return .notCarried(kind: "event trigger", name: Self.objectName(cursor))
        case "CONSTRAINT", "TRIGGER":
            _ = cursor.accept("TRIGGER")
            // Trigger names repeat across tables: name it with its table.
            let name = Self.objectName(cursor)
            var rest = cursor
            while let word = rest.word(), word != "ON" {}
            let table = rest.qualifiedName().map { tableName($0) }
            return .notCarried(kind: "trigger", name: table.map { "\(name) on \($0)" } ?? name)
        default:
            return .notCarried(kind: kind.lowercased(), name: Self.objectName(cursor))
        }
    }

    private mutating func alter(_ cursor: inout SQLCursor) -> DumpAction {
        guard cursor.accept("TABLE") else { return .ignore } // ALTER SEQUENCE/FUNCTION/… OWNER, ALTER INDEX ATTACH
        _ = cursor.accept("ONLY")
        _ = cursor.accept("IF", "EXISTS")
        guard let name = cursor.qualifiedName() else { return .ignore }
        let table = tableName(name)
        if cursor.accept("ATTACH", "PARTITION"), let child = cursor.qualifiedName() {
            catalog.partitions[table.lowercased(), default: []].append(tableName(child))
            return .ignore
        }
        guard cursor.accept("ADD", "CONSTRAINT"), let constraint = cursor.identifier() else { return .ignore }
        if cursor.accept("PRIMARY", "KEY") || cursor.accept("UNIQUE") {
            guard let columns = cursor.identifierList(), catalog.table(table)?.isPartitioned != true else {
                return .ignore
            }
            uniqueKeys.append((constraint, table, columns))
            return .ignore
        }
        if cursor.accept("FOREIGN", "KEY"), let columns = cursor.identifierList(), cursor.accept("REFERENCES"),
            let parent = cursor.qualifiedName()
        {
            let parentColumns = cursor.identifierList() ?? []
            catalog.foreignKeys.append(
                .init(
                    name: constraint, table: table, columns: columns,
                    parent: tableName(parent), parentColumns: parentColumns))
        }
        return .ignore // CHECK and EXCLUDE constraints: rules, not data
    }

    /// Unique keys once the data is in (as pg_dump itself orders it), then each partitioned
    /// parent becomes a view over its partitions so `SELECT … FROM payment` sees every row.
    mutating func finish() -> [String] {
        let (renames, renamed) = qualifier.bareNames(&catalog)
        var sql = renames
        sql += uniqueKeys.map { key in
            let table = renamed[key.table.lowercased()] ?? key.table
            // Index names are one namespace in the SQLite file: two databases' `posts_pkey` differ.
            let name = qualifier.withTables.count > 1 ? "\(key.table):\(key.name)" : key.name
            return "CREATE UNIQUE INDEX \(quoteIdentifier(name)) ON \(quoteIdentifier(table)) "
                + "(\(key.columns.map(quoteIdentifier).joined(separator: ", ")))"
        }
        for (parent, children) in catalog.partitions.sorted(by: { $0.key < $1.key }) {
            guard let table = catalog.table(parent), table.isPartitioned, !children.isEmpty else { continue }
            let columns = table.columns.map { quoteIdentifier($0.name) }.joined(separator: ", ")
            sql.append("DROP TABLE \(quoteIdentifier(table.name))")
            sql.append(
                "CREATE VIEW \(quoteIdentifier(table.name)) AS "
                    + children.map { "SELECT \(columns) FROM \(quoteIdentifier($0))" }.joined(separator: " UNION ALL "))
        }
        return sql
    }
}
