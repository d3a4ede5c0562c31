import CRCSQLite

/// Owns one prepared statement (`sqlite3_stmt`); finalized on deinit. Confined to the thread
/// of its database, like the connection itself.
final class SQLiteStatement {
    let handle: OpaquePointer
    unowned let database: SQLiteDatabase

    /// `sqlite3_bind_*` copies the bytes (SQLITE_TRANSIENT is a cast macro Swift cannot import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    nonisolated(unsafe) private static let emptyText = UnsafeMutablePointer<CChar>.allocate(capacity: 1)

    init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }
    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let number): rc = sqlite3_bind_int64(handle, index, number)
        case .real(let number): rc = sqlite3_bind_double(handle, index, number)
        case .text(let bytes):
            rc = bytes.withUnsafeBytes { buffer in
                // An empty text still needs a non-NULL pointer, or SQLite binds NULL.
                let pointer = (buffer.baseAddress ?? UnsafeRawPointer(Self.emptyText)).assumingMemoryBound(
                    to: CChar.self)
                return sqlite3_bind_text(handle, index, pointer, Int32(buffer.count), Self.transient)
            }
        case .blob(let bytes):
            rc = bytes.withUnsafeBufferPointer { buffer in
                // sqlite3_bind_zeroblob for an empty BLOB: a NULL pointer would bind NULL.
                buffer.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0)
                    : sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
            }
        }
        try database.check(rc)
    }

    /// One step: true while a row is available, false when done.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw database.error(rc, sql: sql)
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "" }

    func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let text = sqlite3_column_text(handle, column) else { return .text([]) }
            return .text(Array(UnsafeBufferPointer(start: text, count: count)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default: return .null
        }
    }
}
