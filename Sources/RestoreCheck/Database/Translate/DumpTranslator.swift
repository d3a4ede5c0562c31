/// What to do with one statement of a dump, decided by its dialect's translator.
enum DumpAction {
    /// A session setting, ownership, grant, comment or sequence state: not data, nothing to do.
    case ignore
    /// Run this SQLite SQL.
    case execute(String)
    /// Run the statement's own bytes (it is SQLite already).
    case executeAsWritten
    /// Bind the VALUES tuples into `table` (the statement is an INSERT this parser reads).
    case insert(InsertParser.Header)
    /// The lines that follow are COPY data for `table` until `\.`.
    case copy(table: String, columns: [String]?)
    /// Something SQLite cannot hold (a function, a trigger in another dialect): reported by
    /// name as a warning, never silently dropped.
    case notCarried(kind: String, name: String)
    /// A statement that carries or changes data but cannot be loaded into SQLite: the import
    /// fails, since rows would silently be missing.
    case cannotLoad(String)
    /// The dump's own COMMIT (a `.dump` ends with it) or ROLLBACK (sqlite3 hit errors).
    case transactionEnd(committed: Bool)
}

/// One dialect's reading of statements into SQLite actions. Translators keep the schema
/// catalog, because later statements (an INSERT, a COPY) are bound by the columns' types.
protocol DumpTranslator {
    var catalog: SchemaCatalog { get }
    /// True when the dump's statements are SQLite already, so one the fast path cannot bind
    /// (an expression among the values) may simply be run as written.
    var speaksSQLite: Bool { get }
    mutating func action(for statement: [UInt8]) -> DumpAction
    /// SQL to run once every statement is in (PostgreSQL: partitions, unique keys).
    mutating func finish() -> [String]
    /// A client command line between statements (psql `\connect`), which may switch database.
    mutating func clientCommand(_ line: [UInt8])
    /// The databases that created tables (a dump of several).
    var databases: [String] { get }
}

extension DumpTranslator {
    mutating func finish() -> [String] { [] }
    mutating func clientCommand(_ line: [UInt8]) {}
    var databases: [String] { [] }
    var speaksSQLite: Bool { false }

    /// What to do with a statement no rule above knows: one that changes data cannot be
    /// loaded; anything else (a setting, a comment of another tool) is reported by name.
    static func unknown(_ verb: String, _ statement: [UInt8]) -> DumpAction {
        let excerpt = SQLiteError.excerpt(String(decoding: statement.prefix(200), as: UTF8.self), limit: 60)
        // A word no statement starts with is a syntax error the engine would stop at (what is
        // left of `/* a /* b */ c */` in MySQL, which does not nest comments).
        guard Self.statementVerbs.contains(verb) else {
            return .cannotLoad(
                "a syntax error: no statement starts with `\(verb.prefix(40))`, so the engine would stop here")
        }
        if ["INSERT", "UPDATE", "DELETE", "TRUNCATE", "MERGE", "REPLACE", "COPY", "LOAD", "UPSERT"].contains(verb) {
            return .cannotLoad("this \(verb) cannot be read into SQLite, so its rows would be missing: \(excerpt)")
        }
        return .notCarried(kind: "statement", name: excerpt)
    }

    /// The words MySQL/MariaDB and PostgreSQL statements start with.
    static var statementVerbs: Set<String> {
        [
            "ALTER", "ANALYZE", "BEGIN", "BINLOG", "CALL", "CHANGE", "CHECK", "CHECKPOINT", "CHECKSUM", "CLOSE",
            "CLUSTER", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE", "DELETE", "DESC", "DESCRIBE",
            "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "FLUSH", "GET", "GRANT", "HANDLER", "HELP",
            "IMPORT", "INSERT", "INSTALL", "KILL", "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "OPTIMIZE",
            "PREPARE", "PURGE", "REASSIGN", "REFRESH", "REINDEX", "RELEASE", "RENAME", "REPAIR", "REPLACE", "RESET",
            "RESIGNAL", "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "SHUTDOWN", "SIGNAL",
            "START", "STOP", "TABLE", "TRUNCATE", "UNINSTALL", "UNLISTEN", "UNLOCK", "UPDATE", "USE", "VACUUM",
            "VALUES", "WITH", "XA", "ABORT",
        ]
    }

    /// `kind name` for what is not carried over: the first identifier after the kind words.
    static func objectName(_ cursor: SQLCursor) -> String {
        var copy = cursor
        while let word = copy.peekWord(),
            ["OR", "REPLACE", "DEFINER", "IF", "NOT", "EXISTS", "CONSTRAINT", "ALGORITHM", "SQL", "SECURITY"].contains(
                word)
        {
            _ = copy.word()
        }
        guard let name = copy.qualifiedName() else { return "?" }
        return name.schema.map { $0 == "public" ? name.name : "\($0).\(name.name)" } ?? name.name
    }
}
