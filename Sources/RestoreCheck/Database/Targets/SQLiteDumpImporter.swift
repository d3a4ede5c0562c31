import Foundation

/// Streams one dump into a SQLite database: lines → statements (SQLStatementSplitter) →
/// actions (the dialect's translator) → SQLite, inside one importer-owned transaction, with
/// INSERT values and COPY rows bound into cached prepared statements. Stops at the first
/// failing statement, like `psql -v ON_ERROR_STOP=1`, and names its line.
///
/// Reading, lexing and translating run on the caller's thread; SQLite runs on a second one
/// (`SQLiteDumpWriter`, fed through an `ImportChannel`), so an import takes the longer of
/// the two instead of their sum.
final class SQLiteDumpImporter {
    private let database: SQLiteDatabase
    private var translator: DumpTranslator
    private var splitter: SQLStatementSplitter
    private let parser: InsertParser
    private let writer: SQLiteDumpWriter
    private var channel: ImportChannel?
    /// COPY data follows: the table, the decoder (nil when the dump is only scanned) and
    /// where the COPY began.
    private var copyTarget: (decoder: CopyRowDecoder?, table: String, line: Int)?
    /// A failure this side found and sent.
    private var foundFailure = false
    /// After a failure the rest of the dump is still read, without running anything, so the
    /// `complete` check judges the dump's real end.
    private var scanOnly: Bool { foundFailure || channel?.failed == true }
    private var values: [SQLValue] = []
    /// The last INSERT's text up to VALUES, with what it was read as: the INSERTs of a dump
    /// come in runs of one table, and the next one with the same start needs no reading again.
    private var lastInsert: (prefix: [UInt8], action: DumpAction, target: ImportInsert)?
    private var insertTargets = 0
    /// The target the writer holds.
    private var sentTarget = 0
    var progress: ((UInt64) -> Void)?
    /// `-v`: a failing INSERT is quoted with its values. Off by default: dumps hold password
    /// hashes, and reports are kept and mailed.
    var showValues = false

    init(
        database: SQLiteDatabase, dialect: DumpDialect, maxStatementBytes: Int = DumpLineReader.defaultMaxLineBytes
    ) {
        self.database = database
        switch dialect {
        case .sqlite: translator = SQLiteDumpTranslator()
        case .mysql: translator = MySQLDumpTranslator()
        case .postgres: translator = PostgresDumpTranslator()
        }
        splitter = SQLStatementSplitter(dialect: dialect, maxStatementBytes: maxStatementBytes)
        parser = InsertParser(dialect: dialect)
        writer = SQLiteDumpWriter(database: database, dialect: dialect)
    }

    var foreignKeys: [SchemaCatalog.ForeignKey] { translator.catalog.foreignKeys }

    func run(_ reader: DumpLineReader) -> DumpImportResult {
        let started = Date()
        writer.showValues = showValues
        do {
            try database.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; BEGIN")
            channel = ImportChannel(writer: writer)
            var lastProgress: UInt64 = 0
            while try reader.nextLine({ line in try self.handle(line, number: reader.lineNumber) }) {
                if reader.bytesRead - lastProgress >= 1 << 22 {
                    lastProgress = reader.bytesRead
                    progress?(lastProgress)
                    try Interruption.check()
                }
            }
            endChannel()
            if let copy = copyTarget {
                writer.completeness.cut("the dump ends inside the COPY data of \(copy.table): it was cut short")
                if !writer.failed {
                    writer.fail(
                        reader.lineNumber, nil,
                        "the dump ends inside the COPY data of \(copy.table) (begun at line \(copy.line)): it was "
                            + "cut short")
                }
            } else if let open = splitter.unfinished {
                writer.completeness.cut(
                    "the dump ends inside a statement begun at line \(open.line): it was cut short")
                if !writer.failed {
                    writer.result.failure = .init(
                        line: open.line, statement: Self.excerpt(open.text, values: showValues),
                        message: "the dump ends inside this statement (begun at line \(open.line)): it was cut short")
                }
            }
            if !writer.failed {
                copyTarget = nil
                writer.clearStatements()
                for sql in translator.finish() {
                    do { try database.execute(sql) } catch let error as SQLiteError {
                        writer.result.failure = .init(
                            line: nil, statement: SQLiteError.excerpt(sql), message: error.message)
                        break
                    }
                }
            }
        } catch let error as SQLiteError {
            endChannel()
            writer.result.failure =
                writer.result.failure ?? .init(line: reader.lineNumber, statement: nil, message: error.message)
        } catch let error as RestoreCheckError where error.kind == .interrupted {
            endChannel()
            writer.result.failure =
                writer.result.failure ?? .init(line: reader.lineNumber, statement: nil, message: "interrupted")
        } catch let tooLong as DumpLineReader.LineTooLong {
            endChannel()
            writer.result.failure = .init(
                line: tooLong.line, statement: nil, message: Self.beyondLimit(tooLong), beyondLimit: true)
        } catch {
            endChannel()
            writer.completeness.content()
            writer.result.failure = .init(
                line: reader.lineNumber, statement: nil, message: "the dump cannot be read: \(error)")
        }
        copyTarget = nil
        writer.clearStatements()
        try? database.execute("COMMIT")
        var result = writer.result
        let verdict = writer.completeness.verdict(lastLine: reader.lineNumber)
        result.complete = verdict.complete
        result.incompleteReason = verdict.reason
        result.trailerUnchecked = verdict.unchecked
        result.databases = translator.databases
        result.lines = reader.lineNumber
        result.bytes = reader.bytesRead
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// Lets the writer run what is left and end; from here on this thread owns the result.
    private func endChannel() {
        channel?.finish()
        channel = nil
    }

    /// Names the bound and how to raise it: the dump itself may well be sound.
    static func beyondLimit(_ tooLong: DumpLineReader.LineTooLong) -> String {
        "could not verify: a statement here is longer than limits.max_statement_bytes "
            + "(\(ByteSize.format(UInt64(tooLong.limit)))), which restorecheck would have to hold in memory whole; "
            + "raise limits.max_statement_bytes in the plan to import it"
    }

    private func send(_ command: ImportCommand) { channel?.send(command) }

    /// A failure found on this side: sent unless the writer, once it has caught up, had
    /// already failed (its failure comes first in the dump). Returns whether it was sent.
    @discardableResult
    private func report(_ line: Int, quoting: Bool, _ message: String) -> Bool {
        guard channel?.sync() == false else { return false }
        send(.fail(line: line, quoting: quoting, message: message))
        foundFailure = true
        return true
    }

    private func handle(_ rawLine: UnsafeBufferPointer<UInt8>, number: Int) throws {
        if let copy = copyTarget {
            let line = DumpLineReader.trimCR(rawLine)
            if line.count == 2, line[0] == 0x5C, line[1] == 0x2E {
                copyTarget = nil
                return
            }
            guard !scanOnly, let decoder = copy.decoder else {
                send(.copyLine(nil, line: number))
                return
            }
            var message: String?
            do {
                try decoder.decode(line, into: &values)
            } catch CopyRowDecoder.DecodeError.fieldCount(let found, let expected) {
                message = "COPY row for \(copy.table) has \(found) fields, the table has \(expected) columns"
            } catch CopyRowDecoder.DecodeError.trailingBackslash {
                message = "COPY row for \(copy.table) ends in a backslash that escapes nothing"
            } catch CopyRowDecoder.DecodeError.refused(let column, let reason) {
                message = "COPY row for \(copy.table): column \(column) \(reason)"
            } catch CopyRowDecoder.DecodeError.badBytea(let column) {
                message = "COPY row for \(copy.table): column \(column) is not valid bytea input"
            }
            if let message {
                send(.copyLine(nil, line: number))
                report(number, quoting: false, message)
            } else {
                send(.copyLine(values, line: number))
            }
            return
        }
        let line = rawLine
        let kind = try splitter.feed(line, number: number) { statement, startLine in
            self.run(statement, line: startLine)
        }
        switch kind {
        case .comment: send(.comment(Array(line), line: number))
        case .statement: break
        case .clientCommand:
            translator.clientCommand(Array(line))
            lastInsert = nil
        case .blank: break
        }
    }

    private func run(_ statement: [UInt8], line: Int) {
        let action = self.action(for: statement)
        let kind: ImportStatement.Kind
        switch action {
        case .ignore: kind = .ignore
        case .copy: kind = .copy
        case .transactionEnd(let committed): kind = .transactionEnd(committed: committed)
        default: kind = .other
        }
        send(.begin(ImportStatement(line: line, text: statement, kind: kind)))
        if !scanOnly, carry(action, statement, line: line) { return }
        // Only what changes how the next lines are read (COPY data).
        if case .copy(let table, _) = action { copyTarget = (nil, table, line) }
    }

    /// The translator's reading of a statement, or the last INSERT's when this one starts with
    /// the same bytes up to VALUES: only other statements (CREATE, ALTER, SET, USE) change
    /// what an INSERT's start means, and they end the run.
    private func action(for statement: [UInt8]) -> DumpAction {
        if let last = lastInsert, statement.count > last.prefix.count,
            !SQLStatementSplitter.isIdentifierByte(statement[last.prefix.count]),
            statement.withUnsafeBufferPointer({ text in
                last.prefix.withUnsafeBufferPointer { memcmp(text.baseAddress!, $0.baseAddress!, $0.count) == 0 }
            })
        {
            return last.action
        }
        let action = translator.action(for: statement)
        if case .insert(let header) = action, header.valuesStart <= statement.count {
            insertTargets += 1
            let target = ImportInsert(number: insertTargets, header: header, columns: columns(of: header))
            lastInsert = (Array(statement[..<header.valuesStart]), action, target)
        } else {
            lastInsert = nil
        }
        return action
    }

    /// The columns an INSERT's values go to: its own list when it names them, else the table's.
    private func columns(of header: InsertParser.Header) -> [SchemaCatalog.Column]? {
        let table = translator.catalog.table(header.table)
        return header.columns.map { names in
            names.map { name in
                table?.columns.first { $0.name.lowercased() == name.lowercased() }
                    ?? SchemaCatalog.Column(name: name, affinity: .text)
            }
        } ?? table?.columns
    }

    /// Sends what the statement asks of SQLite; false when the dump turns out to have failed
    /// before it (the statement is then only scanned).
    private func carry(_ action: DumpAction, _ statement: [UInt8], line: Int) -> Bool {
        switch action {
        case .ignore, .transactionEnd: break
        case .execute(let sql): send(.execute(sql))
        case .executeAsWritten: send(.executeAsWritten)
        case .notCarried(let kind, let name): send(.omit(kind: kind, name: name))
        case .cannotLoad(let reason): return report(line, quoting: true, reason)
        case .insert(let header):
            // `action(for:)` has just read this INSERT (or one that starts the same).
            guard let target = lastInsert?.target else { return report(line, quoting: true, "INSERT not read") }
            if sentTarget != target.number {
                send(.insertTarget(target))
                sentTarget = target.number
            }
            let bound: Bool
            do {
                bound = try parser.batches(statement, from: header.valuesStart) { send(.rows($0)) }
            } catch {
                return report(
                    line, quoting: true,
                    "past its first \(ByteSize.format(UInt64(InsertParser.batchBytes))) this INSERT holds a value "
                        + "that is not a literal restorecheck can carry into SQLite")
            }
            if !bound {
                guard translator.speaksSQLite else {
                    return report(
                        line, quoting: true,
                        "a value in this INSERT is not a literal restorecheck can carry into SQLite"
                    )
                }
                send(.executeInsertAsWritten)
            }
        case .copy(let table, let columns):
            guard let definition = translator.catalog.table(table) else {
                return report(line, quoting: true, "COPY into \(table), a table the dump never created")
            }
            // Whether COPY data follows depends on the writer: a dump already failed is only
            // scanned, and a statement that does not prepare leaves the data to be read as SQL.
            guard channel?.sync() == false else { return false }
            let targetColumns =
                columns.map { names in
                    names.map { name in
                        definition.columns.first { $0.name == name } ?? .init(name: name, affinity: .text)
                    }
                } ?? definition.columns
            let sql =
                "INSERT INTO \(quoteIdentifier(table)) "
                + "(\(targetColumns.map { quoteIdentifier($0.name) }.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: targetColumns.count).joined(separator: ", ") + ")"
            send(.copyBegin(sql: sql, table: table, columns: targetColumns))
            if channel?.sync() == false { copyTarget = (CopyRowDecoder(columns: targetColumns), table, line) }
        }
        return true
    }

    /// The start of a statement for a message. Reports are kept and mailed, and dumps hold
    /// password hashes and customers' data: an INSERT is shown up to its VALUES (the table
    /// and columns are enough to act on, with the line), never its rows.
    static func excerpt(_ bytes: [UInt8], values: Bool = false) -> String {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self)
        if values { return SQLiteError.excerpt(text, limit: 200) }
        let upper = text.uppercased()
        let trimmed = upper.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        if trimmed.hasPrefix("INSERT") || trimmed.hasPrefix("REPLACE"), let values = upper.range(of: "VALUES") {
            return SQLiteError.excerpt(String(text[..<values.upperBound]) + " (…)")
        }
        return SQLiteError.excerpt(text)
    }
}
