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
    /// The dump's own COMMIT (a `.dump` ends with it) or ROLLBACK (sqlite3 hit errors).
    case transactionEnd(committed: Bool)
}

/// One dialect's reading of statements into SQLite actions. Translators keep the schema
/// catalog, because later statements (an INSERT, a COPY) are bound by the columns' types.
protocol DumpTranslator {
    var catalog: SchemaCatalog { get }
    mutating func action(for statement: [UInt8]) -> DumpAction
    /// SQL to run once every statement is in (PostgreSQL: partitions, unique keys).
    mutating func finish() -> [String]
}

extension DumpTranslator {
    mutating func finish() -> [String] { [] }

    /// `kind name` for what is not carried over: the first identifier after the kind words.
    static func objectName(_ cursor: SQLCursor) -> String {
        var copy = cursor
        while let word = copy.peekWord(), ["OR", "REPLACE", "DEFINER", "IF", "NOT", "EXISTS", "CONSTRAINT", "ALGORITHM", "SQL", "SECURITY"].contains(word) {
            _ = copy.word()
        }
        guard let name = copy.qualifiedName() else { return "?" }
        return name.schema.map { $0 == "public" ? name.name : "\($0).\(name.name)" } ?? name.name
    }
}
