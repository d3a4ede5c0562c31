import Foundation

/// pg_dump plain format into SQLite: tables rebuilt from their columns (domains and enums
/// resolved to their base types), `COPY … FROM stdin` data bound row by row, primary and
/// unique constraints added after the data as unique indexes (so duplicates are caught),
/// foreign keys checked after the import, partitions gathered under a view named like their
/// parent. Functions, triggers, views and the like are reported by name.
struct PostgresDumpTranslator: DumpTranslator {
    private(set) var catalog = SchemaCatalog()
    private let inserts = InsertParser(dialect: .postgres)
    private var uniqueKeys: [String] = []

    /// `public.t` is `t`; another schema's table keeps its schema in its name: `audit.log`.
    static func tableName(_ name: (schema: String?, name: String)) -> String {
        guard let schema = name.schema, schema != "public", schema != "pg_catalog" else { return name.name }
        return "\(schema).\(name.name)"
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
            return .copy(table: Self.tableName(name), columns: columns)
        case "INSERT":
            guard var header = inserts.header(statement) else { return Self.unknown("INSERT", statement) }
            header.table = Self.tableName((header.schema, header.table))
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
            let table = Self.tableName(name)
            let parsed: TableDefinitionParser.Result?
            do {
                parsed = try TableDefinitionParser(dialect: .postgres).parse(&cursor, name: table, catalog: catalog)
            } catch {
                return .cannotLoad("CREATE TABLE \(table) cannot be read: \(error)")
            }
            guard let result = parsed else { return .notCarried(kind: "table", name: table) }
            catalog.add(result.table)
            if let parent = result.partitionOf { catalog.partitions[parent.lowercased(), default: []].append(table) }
            catalog.foreignKeys += result.foreignKeys
            return .execute(result.sql)
        case "SCHEMA", "SEQUENCE", "INDEX", "STATISTICS", "PUBLICATION", "SUBSCRIPTION", "COLLATION", "TEXT":
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
            let table = rest.qualifiedName().map { Self.tableName($0) }
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
        let table = Self.tableName(name)
        if cursor.accept("ATTACH", "PARTITION"), let child = cursor.qualifiedName() {
            catalog.partitions[table.lowercased(), default: []].append(Self.tableName(child))
            return .ignore
        }
        guard cursor.accept("ADD", "CONSTRAINT"), let constraint = cursor.identifier() else { return .ignore }
        if cursor.accept("PRIMARY", "KEY") || cursor.accept("UNIQUE") {
            guard let columns = cursor.identifierList(), catalog.table(table)?.isPartitioned != true else {
                return .ignore
            }
            uniqueKeys.append(
                "CREATE UNIQUE INDEX \(quoteIdentifier(constraint)) ON \(quoteIdentifier(table)) "
                    + "(\(columns.map(quoteIdentifier).joined(separator: ", ")))"
            )
            return .ignore
        }
        if cursor.accept("FOREIGN", "KEY"), let columns = cursor.identifierList(), cursor.accept("REFERENCES"),
            let parent = cursor.qualifiedName()
        {
            let parentColumns = cursor.identifierList() ?? []
            catalog.foreignKeys.append(
                .init(
                    name: constraint, table: table, columns: columns,
                    parent: Self.tableName(parent), parentColumns: parentColumns))
        }
        return .ignore // CHECK and EXCLUDE constraints: rules, not data
    }

    /// Unique keys once the data is in (as pg_dump itself orders it), then each partitioned
    /// parent becomes a view over its partitions so `SELECT … FROM payment` sees every row.
    mutating func finish() -> [String] {
        var sql = uniqueKeys
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
