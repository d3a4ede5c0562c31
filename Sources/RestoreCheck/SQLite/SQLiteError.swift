import Foundation

/// A failure reported by sqlite3: the library's result code, its own message, and the SQL
/// that was running, so an import failure can say exactly which statement the engine refused.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: SQLiteResultCode
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = SQLiteResultCode(code)
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " — in: \(SQLiteError.excerpt(sql))" }
        return text
    }

    /// The start of a statement, on one line, for messages.
    public static func excerpt(_ sql: String, limit: Int = 80) -> String {
        let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
