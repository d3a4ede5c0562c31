/// `sqlite3 .dump` output is SQLite already: run it, but bind plain INSERTs into cached
/// statements, skip the dump's own transaction (the importer owns one) and its PRAGMAs.
struct SQLiteDumpTranslator: DumpTranslator {
    private(set) var catalog = SchemaCatalog()
    let speaksSQLite = true
    private let inserts = InsertParser(dialect: .sqlite)

    mutating func action(for statement: [UInt8]) -> DumpAction {
        var cursor = SQLCursor(statement, dialect: .sqlite)
        if cursor.accept("INSERT") || cursor.accept("REPLACE") { // the hot path: no String made
            return inserts.header(statement).map(DumpAction.insert) ?? .executeAsWritten
        }
        switch cursor.word() {
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
