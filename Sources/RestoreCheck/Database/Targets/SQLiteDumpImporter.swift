import Foundation

/// Streams one dump into a SQLite database: lines → statements (SQLStatementSplitter) →
/// actions (the dialect's translator) → SQLite, inside one importer-owned transaction, with
/// INSERT values and COPY rows bound into cached prepared statements. Stops at the first
/// failing statement, like `psql -v ON_ERROR_STOP=1`, and names its line.
final class SQLiteDumpImporter {
    private let database: SQLiteDatabase
    private var translator: DumpTranslator
    private var splitter: SQLStatementSplitter
    private var completeness: CompletenessTracker
    private var result: DumpImportResult
    private let parser: InsertParser
    private var copyTarget: (statement: SQLiteStatement?, decoder: CopyRowDecoder, table: String, line: Int)?
    /// After a failure the rest of the dump is still read, without running anything, so the
    /// `complete` check judges the dump's real end.
    private var scanOnly: Bool { result.failure != nil }
    private var values: [SQLValue] = []
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
        completeness = CompletenessTracker(dialect: dialect)
        result = DumpImportResult(dialect: dialect)
        parser = InsertParser(dialect: dialect)
    }

    var foreignKeys: [SchemaCatalog.ForeignKey] { translator.catalog.foreignKeys }

    func run(_ reader: DumpLineReader) -> DumpImportResult {
        let started = Date()
        do {
            try database.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; BEGIN")
            var lastProgress: UInt64 = 0
            while try reader.nextLine({ line in try self.handle(line, number: reader.lineNumber) }) {
                if reader.bytesRead - lastProgress >= 1 << 22 {
                    lastProgress = reader.bytesRead
                    progress?(lastProgress)
                    try Interruption.check()
                }
            }
            if let copy = copyTarget {
                completeness.cut("the dump ends inside the COPY data of \(copy.table): it was cut short")
                if result.failure == nil {
                    result.failure = .init(
                        line: reader.lineNumber, statement: nil,
                        message:
                            "the dump ends inside the COPY data of \(copy.table) (begun at line \(copy.line)): it was "
                            + "cut short"
                    )
                }
            } else if let open = splitter.unfinished {
                completeness.cut("the dump ends inside a statement begun at line \(open.line): it was cut short")
                if result.failure == nil {
                    result.failure = .init(
                        line: open.line, statement: Self.excerpt(open.text, values: showValues),
                        message: "the dump ends inside this statement (begun at line \(open.line)): it was cut short")
                }
            }
            if result.failure == nil {
                copyTarget = nil
                clearStatements()
                for sql in translator.finish() {
                    do { try database.execute(sql) } catch let error as SQLiteError {
                        result.failure = .init(line: nil, statement: SQLiteError.excerpt(sql), message: error.message)
                        break
                    }
                }
            }
        } catch let error as SQLiteError {
            result.failure = result.failure ?? .init(line: reader.lineNumber, statement: nil, message: error.message)
        } catch let error as RestoreCheckError where error.kind == .interrupted {
            result.failure = result.failure ?? .init(line: reader.lineNumber, statement: nil, message: "interrupted")
        } catch let tooLong as DumpLineReader.LineTooLong {
            result.failure = .init(
                line: tooLong.line, statement: nil, message: Self.beyondLimit(tooLong), beyondLimit: true)
        } catch {
            completeness.content()
            result.failure = .init(
                line: reader.lineNumber, statement: nil, message: "the dump cannot be read: \(error)")
        }
        copyTarget = nil
        clearStatements()
        try? database.execute("COMMIT")
        let verdict = completeness.verdict(lastLine: reader.lineNumber)
        result.complete = verdict.complete
        result.incompleteReason = verdict.reason
        result.trailerUnchecked = verdict.unchecked
        result.databases = translator.databases
        result.lines = reader.lineNumber
        result.bytes = reader.bytesRead
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// Names the bound and how to raise it: the dump itself may well be sound.
    static func beyondLimit(_ tooLong: DumpLineReader.LineTooLong) -> String {
        "could not verify: a statement here is longer than limits.max_statement_bytes "
            + "(\(ByteSize.format(UInt64(tooLong.limit)))), which restorecheck would have to hold in memory whole; "
            + "raise limits.max_statement_bytes in the plan to import it"
    }

    private func handle(_ rawLine: UnsafeBufferPointer<UInt8>, number: Int) throws {
        if let copy = copyTarget {
            let line = DumpLineReader.trimCR(rawLine)
            if line.count == 2, line[0] == 0x5C, line[1] == 0x2E {
                copyTarget = nil
                return
            }
            completeness.content()
            guard !scanOnly else { return }
            guard let statement = copy.statement else {
                _ = fail(number, nil, "COPY data for \(copy.table) with no statement to insert it")
                return
            }
            do {
                try copy.decoder.decode(line, into: &values)
                try insert(values, with: statement, line: number, table: copy.table, columns: copy.decoder.columns)
            } catch CopyRowDecoder.DecodeError.fieldCount(let found, let expected) {
                _ = fail(
                    number, nil, "COPY row for \(copy.table) has \(found) fields, the table has \(expected) columns")
            } catch CopyRowDecoder.DecodeError.trailingBackslash {
                _ = fail(number, nil, "COPY row for \(copy.table) ends in a backslash that escapes nothing")
            } catch CopyRowDecoder.DecodeError.refused(let column, let reason) {
                _ = fail(number, nil, "COPY row for \(copy.table): column \(column) \(reason)")
            } catch CopyRowDecoder.DecodeError.badBytea(let column) {
                _ = fail(number, nil, "COPY row for \(copy.table): column \(column) is not valid bytea input")
            } catch is DumpImportResult.Failure {
                // recorded in `result`; the rest of the dump is only scanned
            }
            return
        }
        let line = rawLine
        let kind = try splitter.feed(line, number: number) { statement, startLine in
            do { try self.run(statement, line: startLine) } catch is DumpImportResult.Failure {
                // recorded in `result`; the rest of the dump is only scanned
            }
        }
        switch kind {
        case .comment: completeness.comment(line, number: number)
        case .statement: break
        case .clientCommand: translator.clientCommand(Array(line))
        case .blank: break
        }
    }

    private func run(_ statement: [UInt8], line: Int) throws {
        var action = translator.action(for: statement)
        if scanOnly {
            // Only what changes how the next lines are read (COPY data) and the end.
            switch action {
            case .copy(let table, _): copyTarget = (nil, CopyRowDecoder(columns: []), table, line)
            case .ignore, .transactionEnd: break
            default: action = .notCarried(kind: "", name: "")
            }
            if case .transactionEnd(let committed) = action { completeness.transactionEnd(committed: committed) }
            if case .notCarried = action { completeness.content() }
            return
        }
        result.statements += 1
        if case .transactionEnd(let committed) = action {
            completeness.transactionEnd(committed: committed)
            return
        }
        if case .ignore = action {} else { completeness.content() }
        do {
            switch action {
            case .ignore, .transactionEnd: break
            case .execute(let sql): try database.execute(sql)
            case .executeAsWritten:
                clearStatements() // a schema change would leave cached statements stale
                try database.execute(bytes: statement)
            case .notCarried(let kind, let name):
                result.omit(kind, name)
            case .cannotLoad(let reason):
                throw fail(line, statement, reason)
            case .insert(let header):
                let table = translator.catalog.table(header.table)
                // Values come in the INSERT's own column order when it names its columns.
                let columns =
                    header.columns.map { names in
                        names.map { name in
                            table?.columns.first { $0.name.lowercased() == name.lowercased() }
                                ?? SchemaCatalog.Column(name: name, affinity: .text)
                        }
                    } ?? table?.columns
                var prepared: (count: Int, statement: SQLiteStatement)?
                let bound: Bool
                do {
                    bound = try parser.rows(statement, from: header.valuesStart) { row in
                        if prepared?.count != row.count {
                            prepared = (row.count, try self.insertStatement(header, count: row.count))
                        }
                        try self.insert(
                            row, with: prepared!.statement, line: line, table: header.table, columns: columns)
                    }
                } catch is InsertParser.MixedInsert {
                    throw fail(
                        line, statement,
                        "past its first \(ByteSize.format(UInt64(InsertParser.batchBytes))) this INSERT holds a value "
                            + "that is not a literal restorecheck can carry into SQLite")
                }
                if !bound {
                    guard translator.speaksSQLite else {
                        throw fail(
                            line, statement,
                            "a value in this INSERT is not a literal restorecheck can carry into SQLite")
                    }
                    try database.execute(bytes: statement)
                    result.rowsInserted += database.changes
                }
            case .copy(let table, let columns):
                guard let definition = translator.catalog.table(table) else {
                    throw fail(line, statement, "COPY into \(table), a table the dump never created")
                }
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
                copyTarget = (try database.cached(sql), CopyRowDecoder(columns: targetColumns), table, line)
            }
        } catch let error as SQLiteError {
            throw fail(line, statement, error.message)
        }
    }

    /// What an INSERT's prepared statement depends on; looked up once per dump statement.
    private struct InsertKey: Hashable {
        var table: String
        var columns: [String]?
        var conflict: String?
        var count: Int
    }
    private var inserts: [InsertKey: SQLiteStatement] = [:]

    private func insertStatement(_ header: InsertParser.Header, count: Int) throws -> SQLiteStatement {
        let key = InsertKey(table: header.table, columns: header.columns, conflict: header.conflict, count: count)
        if let statement = inserts[key] { return statement }
        let statement = try makeInsertStatement(header, count: count)
        inserts[key] = statement
        return statement
    }

    private func makeInsertStatement(_ header: InsertParser.Header, count: Int) throws -> SQLiteStatement {
        let verb = header.conflict.map { "INSERT OR \($0)" } ?? "INSERT"
        let columns = header.columns.map { " (" + $0.map(quoteIdentifier).joined(separator: ", ") + ")" } ?? ""
        return try database.prepare(
            "\(verb) INTO \(quoteIdentifier(header.table))\(columns) VALUES ("
                + Array(repeating: "?", count: count).joined(separator: ", ") + ")")
    }

    private func insert(
        _ row: [SQLValue], with statement: SQLiteStatement, line: Int, table: String,
        columns: [SchemaCatalog.Column]? = nil
    ) throws {
        do {
            for (position, value) in row.enumerated() {
                var value = value
                if let columns, position < columns.count, let check = columns[position].check {
                    let (checked, refusal) = check.apply(value)
                    if let refusal {
                        statement.reset()
                        let shown = showValues ? " ('\(SQLiteError.excerpt(value.display, limit: 60))')" : ""
                        throw fail(
                            line, nil,
                            "\(table): the value of column \(columns[position].name)\(shown) \(refusal), which "
                                + "PostgreSQL refuses")
                    }
                    value = checked
                }
                if let columns, position < columns.count, columns[position].affinity == .blob,
                    case .text(let bytes) = value
                {
                    // A PostgreSQL bytea literal is text in bytea's input syntax ('\x…'), as
                    // the column would read it; MySQL's binary strings are the bytes already.
                    guard let decoded = result.dialect == .postgres ? ByteaInput.decode(bytes) : bytes else {
                        statement.reset()
                        throw fail(line, nil, "\(table): column \(columns[position].name) is not valid bytea input")
                    }
                    value = .blob(decoded)
                }
                try statement.bind(value, at: Int32(position + 1))
            }
            try statement.step()
            statement.reset()
            result.rowsInserted += 1
        } catch let error as SQLiteError {
            statement.reset()
            let shown = showValues ? " — row: (" + row.map(\.display).joined(separator: ", ") + ")" : ""
            throw fail(line, nil, "\(table): \(error.message)\(SQLiteError.excerpt(shown, limit: 200))")
        }
    }

    private func fail(_ line: Int, _ statement: [UInt8]?, _ message: String) -> DumpImportResult.Failure {
        let failure = DumpImportResult.Failure(
            line: line, statement: statement.map { Self.excerpt($0, values: showValues) }, message: message)
        result.failure = failure
        return failure
    }

    /// Drops every prepared statement (they pin the schema; a schema change needs them gone).
    private func clearStatements() {
        inserts.removeAll()
        database.clearCache()
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
