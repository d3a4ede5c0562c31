import CRCSQLite
import Foundation

/// Owns one sqlite3 connection (the throwaway database is a file in the sandbox).
/// Every return code goes through `check`, which reads the library's own message. Not
/// Sendable: a connection is confined to the thread that opened it.
final class SQLiteDatabase {
    let handle: OpaquePointer
    let path: String
    private var cache: [String: SQLiteStatement] = [:]

    /// Once per process, before the first connection (see `rc_sqlite_disable_memory_status`).
    private static let configured: Bool = rc_sqlite_disable_memory_status() == SQLITE_OK

    init(path: String, readOnly: Bool = false) throws {
        _ = Self.configured
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: "\(message) (\(path))")
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Waits up to `milliseconds` for another connection's lock instead of failing at once
    /// with SQLITE_BUSY (concurrent runs share one history file).
    func waitWhenBusy(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    func error(_ rc: Int32, sql: String? = nil) -> SQLiteError {
        SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    func check(_ rc: Int32, sql: String? = nil) throws {
        guard rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE else { throw error(rc, sql: sql) }
    }

    /// Runs SQL text that may hold several statements, discarding rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: rc, message: text, sql: sql)
        }
    }

    /// Runs dump bytes (one statement, maybe with comments around it) by walking the tail
    /// pointer. The buffer is NUL-terminated and `nByte` is −1, so each prepare reads only
    /// its own statement (SQLite copies the rest of the buffer on every call when nByte is positive: quadratic).
    func execute(bytes: [UInt8]) throws {
        var text = bytes
        text.append(0)
        try text.withUnsafeBufferPointer { buffer in
            var cursor = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(handle, cursor, -1, &statement, &tail)
                guard rc == SQLITE_OK else { throw error(rc) }
                guard let statement else { break } // only comments or whitespace left
                defer { sqlite3_finalize(statement) }
                var step = sqlite3_step(statement)
                while step == SQLITE_ROW { step = sqlite3_step(statement) }
                guard step == SQLITE_DONE else { throw error(step) }
                guard let tail else { break }
                cursor = tail
            }
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw rc == SQLITE_OK
                ? SQLiteError(code: SQLITE_MISUSE, message: "no statement in the SQL", sql: sql) : error(rc, sql: sql)
        }
        return SQLiteStatement(handle: statement, database: self)
    }

    /// A prepared statement kept for reuse: dumps insert into the same few tables over and over,
    /// and re-parsing each INSERT is most of an import's time (measured: about 70 %).
    func cached(_ sql: String) throws -> SQLiteStatement {
        if let statement = cache[sql] { return statement }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// Drops the cached statements (they pin the schema; needed before DROP TABLE).
    func clearCache() { cache.removeAll() }

    /// All rows of a query, each as its column values.
    func rows(_ sql: String, limit: Int = .max) throws -> [[SQLValue]] {
        let statement = try prepare(sql)
        var out: [[SQLValue]] = []
        while out.count < limit, try statement.step() {
            out.append((0..<Int32(statement.columnCount)).map(statement.value(at:)))
        }
        return out
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// True when the text holds a whole statement (strings, comments and triggers respected).
    static func isComplete(_ sql: [UInt8]) -> Bool {
        var text = sql
        text.append(0)
        return text.withUnsafeBufferPointer {
            sqlite3_complete(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) != 0
        }
    }
}
