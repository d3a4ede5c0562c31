#if canImport(Glibc)
    import Glibc
#endif

/// Reads `INSERT INTO t [(cols)] VALUES (…),(…)` and hands each row's values over, so the
/// importer can bind them into one cached prepared statement instead of having SQLite parse
/// every INSERT again (measured: SQLite's parsing is about 70 % of an import's time). Literals only:
/// anything else (an expression such as SQLite's `replace(…,char(10))`) returns nil and the
/// statement is run as written.
struct InsertParser {
    struct Header {
        var table: String
        var schema: String?
        var columns: [String]?
        /// MySQL `INSERT IGNORE` / `REPLACE`.
        var conflict: String?
        /// Where the first tuple starts.
        var valuesStart: Int
    }

    let dialect: DumpDialect

    /// The statement's target, when it is a plain `INSERT … VALUES`.
    func header(_ bytes: [UInt8]) -> Header? {
        var cursor = SQLCursor(bytes, dialect: dialect)
        var conflict: String?
        if cursor.accept("REPLACE", "INTO") {
            conflict = "REPLACE"
        } else {
            guard cursor.accept("INSERT") else { return nil }
            if cursor.accept("IGNORE") { conflict = "IGNORE" }
            guard cursor.accept("INTO") else { return nil }
        }
        guard let name = cursor.qualifiedName() else { return nil }
        var columns: [String]?
        cursor.skipSpace()
        if cursor.current == 0x28 {
            guard let list = cursor.identifierList() else { return nil }
            columns = list
        }
        guard cursor.accept("VALUES") else { return nil }
        return Header(
            table: name.name, schema: name.schema, columns: columns, conflict: conflict, valuesStart: cursor.index)
    }

    /// A statement of many tuples is bound in batches of about this many source bytes, so its
    /// parsed values never cost more than a few MiB whatever the line's length.
    static let batchBytes = 1 << 22

    /// A value that is not a literal met after earlier batches were bound: the statement can
    /// be neither bound whole nor run as written without inserting those rows twice.
    struct MixedInsert: Error {}

    /// Calls `row` with each tuple's values. Returns false (having called `row` for no tuple)
    /// when a value is not a literal; a statement up to `batchBytes` is bound whole or run whole.
    func rows(_ bytes: [UInt8], from start: Int, _ row: ([SQLValue]) throws -> Void) throws -> Bool {
        try batches(bytes, from: start) { tuples in
            for tuple in tuples { try row(tuple) }
        }
    }

    /// As `rows`, with the tuples handed over a batch at a time (each batch the caller's to keep).
    func batches(_ bytes: [UInt8], from start: Int, _ batch: ([[SQLValue]]) throws -> Void) throws -> Bool {
        var tuples: [[SQLValue]] = []
        var cursor = SQLCursor(bytes, dialect: dialect, at: start)
        var batchStart = start
        var flushed = false
        func notLiteral() throws -> Bool {
            if flushed { throw MixedInsert() }
            return false
        }
        // Parse a batch first: a failure half-way must not leave half the rows inserted.
        repeat {
            guard cursor.accept(byte: 0x28) else { return try notLiteral() }
            var values: [SQLValue] = []
            values.reserveCapacity(tuples.last?.count ?? 8)
            repeat {
                guard let value = literal(&cursor) else { return try notLiteral() }
                values.append(value)
            } while cursor.accept(byte: 0x2C)
            guard cursor.accept(byte: 0x29) else { return try notLiteral() }
            tuples.append(values)
            if cursor.index - batchStart >= Self.batchBytes {
                try batch(tuples)
                tuples = []
                batchStart = cursor.index
                flushed = true
            }
        } while cursor.accept(byte: 0x2C)
        cursor.skipSpace()
        guard cursor.atEnd else { return try notLiteral() }
        if !tuples.isEmpty { try batch(tuples) }
        return true
    }

    func literal(_ cursor: inout SQLCursor) -> SQLValue? {
        cursor.skipSpace()
        guard let first = cursor.current else { return nil }
        let bytes = cursor.bytes
        switch first {
        case 0x27:
            return string(&cursor).map(Self.textOrBlob)
        case 0x2D, 0x2B, 0x2E, 0x30...0x39:
            if dialect == .mysql, first == 0x30, cursor.index + 1 < bytes.count, bytes[cursor.index + 1] | 0x20 == 0x78
            {
                cursor.index += 2
                return hexDigits(&cursor, until: nil).map { .blob($0) }
            }
            return number(&cursor)
        case 0x58 where cursor.index + 1 < bytes.count && bytes[cursor.index + 1] == 0x27,
            0x78 where cursor.index + 1 < bytes.count && bytes[cursor.index + 1] == 0x27:
            cursor.index += 2
            return hexDigits(&cursor, until: 0x27).map { .blob($0) }
        case 0x5F where dialect == .mysql: // _binary '…', _utf8mb4'…'
            guard let introducer = cursor.word() else { return nil }
            cursor.skipSpace()
            if cursor.current == 0x30, cursor.index + 1 < bytes.count, bytes[cursor.index + 1] | 0x20 == 0x78 {
                cursor.index += 2
                return hexDigits(&cursor, until: nil).map { .blob($0) }
            }
            guard cursor.current == 0x27, let text = string(&cursor) else { return nil }
            return introducer == "_BINARY" ? .blob(text) : Self.textOrBlob(text)
        default:
            switch cursor.word() {
            case "NULL": return .null
            case "TRUE": return .integer(1)
            case "FALSE": return .integer(0)
            default: return nil
            }
        }
    }

    /// A quoted string with this dialect's escapes undone.
    private func string(_ cursor: inout SQLCursor) -> [UInt8]? {
        let bytes = cursor.bytes
        var index = cursor.index + 1
        var out: [UInt8] = []
        var runStart = index
        while index < bytes.count {
            if dialect != .mysql {
                // Only a quote matters: jump to it.
                let found: Int? = bytes.withUnsafeBufferPointer { buffer in
                    memchr(buffer.baseAddress! + index, 0x27, buffer.count - index)
                        .map { UnsafeRawPointer(buffer.baseAddress!).distance(to: UnsafeRawPointer($0)) }
                }
                guard let quote = found else { return nil }
                index = quote
            }
            let byte = bytes[index]
            if byte == 0x27 {
                out.append(contentsOf: bytes[runStart..<index])
                if index + 1 < bytes.count, bytes[index + 1] == 0x27 {
                    out.append(0x27)
                    index += 2
                    runStart = index
                    continue
                }
                cursor.index = index + 1
                return out
            }
            if byte == 0x5C, dialect == .mysql, index + 1 < bytes.count {
                out.append(contentsOf: bytes[runStart..<index])
                out.append(contentsOf: Self.mysqlEscape(bytes[index + 1]))
                index += 2
                runStart = index
                continue
            }
            index += 1
        }
        return nil
    }

    /// MySQL's string escapes; `\%` and `\_` keep their backslash, an unknown `\x` is `x`.
    static func mysqlEscape(_ byte: UInt8) -> [UInt8] {
        switch byte {
        case 0x30: return [0] // \0
        case 0x62: return [0x08] // \b
        case 0x6E: return [0x0A] // \n
        case 0x72: return [0x0D] // \r
        case 0x74: return [0x09] // \t
        case 0x5A: return [0x1A] // \Z
        case 0x25, 0x5F: return [0x5C, byte]
        default: return [byte]
        }
    }

    private func number(_ cursor: inout SQLCursor) -> SQLValue? {
        let bytes = cursor.bytes
        let start = cursor.index
        var index = start
        var isReal = false
        if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B { index += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                index += 1
                continue
            }
            if byte == 0x2E {
                isReal = true
                index += 1
                continue
            }
            if byte | 0x20 == 0x65 {
                isReal = true
                index += 1
                if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B { index += 1 }
                continue
            }
            break
        }
        guard index > start else { return nil }
        cursor.index = index
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isReal, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text) else { return nil }
        return .real(value)
    }

    private func hexDigits(_ cursor: inout SQLCursor, until close: UInt8?) -> [UInt8]? {
        let bytes = cursor.bytes
        var out: [UInt8] = []
        var index = cursor.index
        var high: UInt8?
        while index < bytes.count, let nibble = Hex.nibble(bytes[index]) {
            if let first = high {
                out.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
            index += 1
        }
        guard high == nil else { return nil }
        if let close {
            guard index < bytes.count, bytes[index] == close else { return nil }
            index += 1
        }
        cursor.index = index
        return out
    }

    /// Text when the bytes are UTF-8, else a BLOB: a dump's binary strings must arrive exact.
    static func textOrBlob(_ bytes: [UInt8]) -> SQLValue {
        isUTF8(bytes) ? .text(bytes) : .blob(bytes)
    }

    /// Well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0:
                    length = 3
                    low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED:
                    length = 3
                    high = 0x9F
                case 0xF0:
                    length = 4
                    low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4:
                    length = 4
                    high = 0x8F
                default: return false
                }
                guard index + length <= count else { return false }
                let second = buffer[index + 1]
                guard second >= low && second <= high else { return false }
                for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
    }
}
