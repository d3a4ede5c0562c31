/// Reads a dump line by line for a real-engine restore: each line goes on to the engine's
/// client unchanged, while the statements are followed just far enough to judge the dump's
/// end (its trailer, a COPY block or statement left open) and to learn its `USE` database.
struct DumpStreamScanner {
    private var splitter: SQLStatementSplitter
    private var completeness: CompletenessTracker
    private var inCopy = false
    private var copyLine = 0
    private(set) var statements = 0
    /// The databases the dump switches to, in order (mysqldump `USE`, psql `\connect`).
    private(set) var databases: [String] = []
    var firstDatabase: String? { databases.first }

    init(dialect: DumpDialect) {
        splitter = SQLStatementSplitter(dialect: dialect)
        completeness = CompletenessTracker(dialect: dialect)
    }

    mutating func scan(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        if inCopy {
            let line = DumpLineReader.trimCR(line)
            if line.count == 2, line[0] == 0x5C, line[1] == 0x2E { inCopy = false } else { completeness.content() }
            return
        }
        let dialect = splitter.dialect
        let kind = try splitter.feed(line, number: number) { statement, startLine in
            self.statements += 1
            var cursor = SQLCursor(statement, dialect: dialect)
            switch cursor.word() {
            case "COPY" where dialect == .postgres:
                self.inCopy = true
                self.copyLine = startLine
                self.completeness.content()
            case "USE" where dialect == .mysql:
                if let database = cursor.identifier(), !self.databases.contains(database) {
                    self.databases.append(database)
                }
            case "COMMIT" where dialect == .sqlite:
                self.completeness.transactionEnd(committed: true)
            case "SET", "SELECT", "LOCK", "UNLOCK", nil:
                break
            default:
                self.completeness.content()
            }
        }
        if kind == .comment { completeness.comment(line, number: number) }
        if kind == .clientCommand, dialect == .postgres,
            let database = PostgresDumpTranslator.connectTarget(Array(line)), !databases.contains(database)
        {
            databases.append(database)
        }
    }

    /// The verdict once the last line was read.
    func finish(lastLine: Int) -> (complete: Bool, reason: String?, unchecked: Bool) {
        if inCopy {
            return (false, "the dump ends inside COPY data begun at line \(copyLine): it was cut short", false)
        }
        if let open = splitter.unfinished {
            return (false, "the dump ends inside a statement begun at line \(open.line): it was cut short", false)
        }
        return completeness.verdict(lastLine: lastLine)
    }
}
