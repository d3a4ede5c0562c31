/// `sqlite3 .dump` output is SQLite already: run it, but bind plain INSERTs into cached
/// statements, skip the dump's own transaction (the importer owns one) and its PRAGMAs.
struct SQLiteDumpTranslator: DumpTranslator {
    private(set) var catalog = SchemaCatalog()
    private let inserts = InsertParser(dialect: .sqlite)

    mutating func action(for statement: [UInt8]) -> DumpAction {
        var cursor = SQLCursor(statement, dialect: .sqlite)
        switch cursor.word() {
        case "INSERT", "REPLACE":
            return inserts.header(statement).map(DumpAction.insert) ?? .executeAsWritten
        case "BEGIN", "SAVEPOINT", "RELEASE", "PRAGMA", "ANALYZE", "VACUUM":
            return .ignore
        case "COMMIT", "END":
            return .transactionEnd(committed: true)
        case "ROLLBACK":
            return .transactionEnd(committed: false)
        default:
            return .executeAsWritten
        }
    }
}
