import CRCSQLite

/// A sqlite3 result code (extended codes are on), with the primary code and the library's
/// own name for it, so a message says `SQLITE_BUSY (5)` and code can ask `.isBusy`.
public struct SQLiteResultCode: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// The primary result code (the low byte of an extended one).
    public var primary: Int32 { rawValue & 0xFF }

    /// Another connection holds the lock (retry after a busy timeout).
    public var isBusy: Bool { primary == SQLITE_BUSY || primary == SQLITE_LOCKED }
    /// A constraint (UNIQUE, NOT NULL, FOREIGN KEY, CHECK) refused the row.
    public var isConstraint: Bool { primary == SQLITE_CONSTRAINT }
    /// The file is not a database, or it is damaged.
    public var isCorrupt: Bool { primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB }

    /// `sqlite3_errstr`: the library's English name of the code.
    public var meaning: String { String(cString: sqlite3_errstr(rawValue)) }

    public var description: String { "\(rawValue)" }
}
