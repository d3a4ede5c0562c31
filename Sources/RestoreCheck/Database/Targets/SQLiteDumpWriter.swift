import Foundation

/// What the reading side of an import asks of SQLite, in the dump's order.
enum ImportCommand {
    /// A comment line (the completeness tracker reads the tools' headers and trailers).
    case comment([UInt8], line: Int)
    /// A statement starts: what it is, for the bookkeeping of a dump that has already failed.
    case begin(ImportStatement)
    case execute(String)
    /// The statement as the dump wrote it (a schema change: cached statements go first).
    case executeAsWritten
    case omit(kind: String, name: String)
    /// The INSERT target the next rows go to (sent once for a run of INSERTs that share it:
    /// a value both threads held for every row would have them contend for its reference count).
    case insertTarget(ImportInsert)
    /// Rows of the current INSERT (a long one comes in several of these).
    case rows([[SQLValue]])
    /// An INSERT whose values are not all literals, run as written.
    case executeInsertAsWritten
    /// COPY data follows for this table, inserted through this SQL into these columns (whose
    /// checks each value must pass).
    case copyBegin(sql: String, table: String, columns: [SchemaCatalog.Column])
    /// One line of COPY data: its values, or nil when the reading side is only scanning.
    case copyLine([SQLValue]?, line: Int)
    /// The reading side found the dump wrong here (quoting the current statement or not).
    case fail(line: Int, quoting: Bool, message: String)
}

struct ImportStatement {
    enum Kind {
        case ignore, copy
        case transactionEnd(committed: Bool)
        case other
    }
    var line: Int
    var text: [UInt8]
    var kind: Kind
}

/// An INSERT's target: its header and the columns its values go to, in the values' order.
/// Numbered by the reader, one number for a run of INSERTs that share their text up to
/// VALUES: the writer keeps their prepared statement without looking it up again.
struct ImportInsert {
    var number: Int
    var header: InsertParser.Header
    var columns: [SchemaCatalog.Column]?
}

/// The SQLite side of `SQLiteDumpImporter`: runs the commands the reading side sends, on a
/// thread of its own, so lexing a dump and SQLite's inserts share two cores instead of
/// one. Owns the result while the import runs: the first failure (in the dump's order), the
/// statements and rows carried, and the completeness tracker, which must know whether the
/// dump had already failed when each statement came (a failed dump is only scanned).
final class SQLiteDumpWriter {
    private let database: SQLiteDatabase
    var result: DumpImportResult
    var completeness: CompletenessTracker
    var showValues = false
    private var statement = ImportStatement(line: 0, text: [], kind: .other)
    /// The rest of the current statement is not carried (the dump has failed, or it was a
    /// COMMIT or a statement to ignore).
    private var skipping = false
    private var target: ImportInsert?
    private var prepared: (target: Int, count: Int, statement: SQLiteStatement)?
    private var copy: (statement: SQLiteStatement, table: String, columns: [SchemaCatalog.Column])?
    private var inserts: [InsertKey: SQLiteStatement] = [:]

    init(database: SQLiteDatabase, dialect: DumpDialect) {
        self.database = database
        result = DumpImportResult(dialect: dialect)
        completeness = CompletenessTracker(dialect: dialect)
    }

    var failed: Bool { result.failure != nil }

    func apply(_ command: ImportCommand) {
        do {
            try run(command)
        } catch let error as SQLiteError {
            _ = fail(statement.line, statement.text, error.message)
        } catch {
            // A failure, already recorded in `result`.
        }
    }

    private func run(_ command: ImportCommand) throws {
        switch command {
        case .comment(let line, let number):
            line.withUnsafeBufferPointer { completeness.comment($0, number: number) }
        case .begin(let next):
            begin(next)
        case .insertTarget(let next):
            target = next
        case .copyLine(let values, let line):
            completeness.content()
            guard !failed, let values else { return }
            guard let copy else { throw fail(line, nil, "COPY data with no statement to insert it") }
            try insert(values, with: copy.statement, line: line, table: copy.table, columns: copy.columns)
        case .fail(let line, let quoting, let message):
            guard !failed else { return }
            throw fail(line, quoting ? statement.text : nil, message)
        default:
            guard !skipping, !failed else { return }
            try carry(command)
        }
    }

    /// A statement's bookkeeping, as it would be with the dump read on one thread: counted and
    /// marking content when carried; when the dump has failed, only what judges its end.
    private func begin(_ next: ImportStatement) {
        statement = next
        skipping = true
        if failed {
            switch next.kind {
            case .transactionEnd(let committed): completeness.transactionEnd(committed: committed)
            case .ignore, .copy: break
            case .other: completeness.content()
            }
            return
        }
        result.statements += 1
        switch next.kind {
        case .transactionEnd(let committed): completeness.transactionEnd(committed: committed)
        case .ignore: break
        case .copy, .other:
            completeness.content()
            skipping = false
        }
    }

    private func carry(_ command: ImportCommand) throws {
        switch command {
        case .execute(let sql): try database.execute(sql)
        case .executeAsWritten:
            clearStatements() // a schema change would leave cached statements stale
            try database.execute(bytes: statement.text)
        case .omit(let kind, let name): result.omit(kind, name)
        case .rows(let rows):
            guard let target else { throw fail(statement.line, statement.text, "rows with no INSERT to go to") }
            for row in rows {
                if prepared?.count != row.count || prepared?.target != target.number {
                    prepared = (target.number, row.count, try insertStatement(target.header, count: row.count))
                }
                try insert(
                    row, with: prepared!.statement, line: statement.line, table: target.header.table,
                    columns: target.columns)
            }
        case .executeInsertAsWritten:
            try database.execute(bytes: statement.text)
            result.rowsInserted += database.changes
        case .copyBegin(let sql, let table, let columns):
            copy = (try database.cached(sql), table, columns)
        case .comment, .begin, .copyLine, .fail, .insertTarget: break
        }
    }

    /// What an INSERT's prepared statement depends on.
    private struct InsertKey: Hashable {
        var table: String
        var columns: [String]?
        var conflict: String?
        var count: Int
    }

    private func insertStatement(_ header: InsertParser.Header, count: Int) throws -> SQLiteStatement {
        let key = InsertKey(table: header.table, columns: header.columns, conflict: header.conflict, count: count)
        if let statement = inserts[key] { return statement }
        let verb = header.conflict.map { "INSERT OR \($0)" } ?? "INSERT"
        let columns = header.columns.map { " (" + $0.map(quoteIdentifier).joined(separator: ", ") + ")" } ?? ""
        let statement = try database.prepare(
            "\(verb) INTO \(quoteIdentifier(header.table))\(columns) VALUES ("
                + Array(repeating: "?", count: count).joined(separator: ", ") + ")")
        inserts[key] = statement
        return statement
    }

    private func insert(
        _ row: [SQLValue], with statement: SQLiteStatement, line: Int, table: String,
        columns: [SchemaCatalog.Column]?
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

    @discardableResult
    func fail(_ line: Int?, _ statement: [UInt8]?, _ message: String) -> DumpImportResult.Failure {
        let failure = DumpImportResult.Failure(
            line: line, statement: statement.map { SQLiteDumpImporter.excerpt($0, values: showValues) },
            message: message)
        result.failure = failure
        return failure
    }

    /// Drops every prepared statement (they pin the schema; a schema change needs them gone).
    func clearStatements() {
        prepared = nil
        copy = nil
        inserts.removeAll()
        database.clearCache()
    }
}
