/// mysqldump / mariadb-dump into SQLite: `CREATE TABLE` rebuilt from its columns, extended
/// INSERTs bound value by value (backslash escapes, `_binary`, hex literals undone), the
/// session noise of `/*!…*/ SET`, `LOCK TABLES` and `DISABLE KEYS` skipped, views, triggers,
/// routines and events reported by name.
struct MySQLDumpTranslator: DumpTranslator {
    private(set) var catalog = SchemaCatalog()
    private let inserts = InsertParser(dialect: .mysql)
    /// After a `USE`, tables are named `db.table` (`--databases`, `--all-databases`).
    private var qualifier = DatabaseQualifier()
    var databases: [String] { qualifier.withTables }

    private func tableName(_ name: (schema: String?, name: String)) -> String {
        qualifier.qualify(name.name, database: name.schema)
    }

    mutating func action(for statement: [UInt8]) -> DumpAction {
        var cursor = SQLCursor(statement, dialect: .mysql)
        let isInsert = cursor.accept("INSERT") || cursor.accept("REPLACE")
        guard let verb = isInsert ? "INSERT" : cursor.word() else { return .ignore }
        switch verb {
        case "INSERT":
            guard var header = inserts.header(statement) else { return Self.unknown("INSERT", statement) }
            header.table = tableName((header.schema, header.table))
            return .insert(header)
        case "USE":
            if let database = cursor.identifier() { qualifier.use(database) }
            return .ignore
        case "SET", "LOCK", "UNLOCK", "START", "BEGIN", "COMMIT", "FLUSH", "ANALYZE", "OPTIMIZE":
            return .ignore
        case "ALTER":
            return .ignore // DISABLE/ENABLE KEYS, or an index added later: not data
        case "DROP":
            return drop(&cursor)
        case "CREATE":
            return create(&cursor)
        default:
            return Self.unknown(verb, statement)
        }
    }

    private mutating func create(_ cursor: inout SQLCursor) -> DumpAction {
        if cursor.accept("DATABASE") || cursor.accept("SCHEMA") { return .ignore }
        _ = cursor.accept("TEMPORARY")
        if cursor.accept("TABLE") {
            _ = cursor.accept("IF", "NOT", "EXISTS")
            guard let name = cursor.qualifiedName() else { return .notCarried(kind: "table", name: "?") }
            let table = tableName(name)
            let parsed: TableDefinitionParser.Result?
            do {
                let qualifier = qualifier
                parsed = try TableDefinitionParser(
                    dialect: .mysql, tableName: { qualifier.qualify($0.name, database: $0.schema) }
                ).parse(&cursor, name: table, catalog: catalog)
            } catch {
                return .cannotLoad("CREATE TABLE \(table) cannot be read: \(error)")
            }
            guard let result = parsed else { return .notCarried(kind: "table", name: table) }
            catalog.add(result.table)
            qualifier.created(in: name.schema)
            catalog.foreignKeys += result.foreignKeys
            return .execute(result.sql)
        }
        // CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] VIEW|TRIGGER|…
        for _ in 0..<12 {
            guard let word = cursor.word() else { break }
            if let kind = [
                "VIEW": "view", "TRIGGER": "trigger", "FUNCTION": "function", "PROCEDURE": "procedure",
                "EVENT": "event", "INDEX": "index", "SEQUENCE": "sequence",
            ][word] {
                if kind == "index" { return .ignore }
                return .notCarried(kind: kind, name: Self.objectName(cursor))
            }
            if cursor.current == 0x3D {
                cursor.index += 1
                _ = cursor.identifier()
                if cursor.current == 0x40 {
                    cursor.index += 1
                    _ = cursor.identifier()
                }
            }
        }
        return .notCarried(kind: "statement", name: "CREATE …")
    }

    /// `DROP TABLE IF EXISTS t` before a `CREATE TABLE t`: only a table this import made
    /// (a view's placeholder, a table of the same database) is dropped.
    private mutating func drop(_ cursor: inout SQLCursor) -> DumpAction {
        guard cursor.accept("TABLE") else { return .ignore }
        _ = cursor.accept("IF", "EXISTS")
        guard let name = cursor.qualifiedName() else { return .ignore }
        let table = tableName(name)
        guard catalog.table(table) != nil else { return .ignore }
        catalog.remove(table)
        return .execute("DROP TABLE \(quoteIdentifier(table))")
    }

    /// A dump that named one database only keeps bare table names.
    mutating func finish() -> [String] { qualifier.bareNames(&catalog).sql }
}
