#if canImport(Glibc)
    import Glibc
#endif

/// Cuts a dump's lines into statements, one byte at a time, knowing each dialect's quoting:
/// `'…'` with doubled quotes everywhere, backslash escapes in MySQL strings and PostgreSQL
/// `E'…'`, backticks, `[…]` (SQLite), `$tag$…$tag$` bodies (PostgreSQL), `--`, `#` and `/* */`
/// comments, and MySQL's `DELIMITER`. Only the statement being read is held in memory.
struct SQLStatementSplitter {
    /// What a line was, when it was not (part of) a statement.
    enum LineKind: Equatable {
        case statement
        case blank
        /// A whole-line `--` comment between statements (where dump trailers live).
        case comment
        /// A client command on its own line: psql `\restrict`, `\connect`; MySQL `DELIMITER`.
        case clientCommand
    }

    private enum Lexical: Equatable {
        case normal
        case single(backslash: Bool)
        case double(backslash: Bool)
        case backtick
        case bracket
        case blockComment
        case dollar([UInt8])
    }

    let dialect: DumpDialect
    private var state = Lexical.normal
    private var delimiter: [UInt8] = [UInt8(ascii: ";")]
    private(set) var buffer: [UInt8] = []
    private(set) var startLine = 0
    private var sawCode = false

    /// A statement growing past this (over many lines) stops the import: see `DumpLineReader`.
    private let maxStatementBytes: Int

    init(dialect: DumpDialect, maxStatementBytes: Int = DumpLineReader.defaultMaxLineBytes) {
        self.dialect = dialect
        self.maxStatementBytes = maxStatementBytes
    }

    /// True between statements: nothing pending, no open quote or comment.
    var isIdle: Bool { state == .normal && !sawCode }

    /// Feeds one line; `emit` receives each statement that ends on it (without its delimiter)
    /// and the line it started on.
    mutating func feed(_ line: UnsafeBufferPointer<UInt8>, number: Int, emit: ([UInt8], Int) throws -> Void) throws
        -> LineKind
    {
        if isIdle {
            var first = 0
            while first < line.count, line[first] == 0x20 || line[first] == 0x09 || line[first] == 0x0D { first += 1 }
            if first == line.count { return .blank }
            if line.count - first >= 2, line[first] == 0x2D, line[first + 1] == 0x2D { return .comment }
            if dialect == .postgres, first == 0, line[0] == 0x5C { return .clientCommand }
            if dialect == .mysql, let newDelimiter = Self.delimiterCommand(line) {
                delimiter = newDelimiter
                return .clientCommand
            }
            buffer.removeAll(keepingCapacity: true)
            startLine = number
        }
        var index = 0
        var segmentStart = 0
        let count = line.count
        scan: while index < count {
            let byte = line[index]
            switch state {
            case .normal:
                switch byte {
                case 0x27: // '
                    state = .single(
                        backslash: dialect == .mysql || (dialect == .postgres && Self.isEscapeStringPrefix(line, index))
                    )
                case 0x22: state = .double(backslash: dialect == .mysql)
                case 0x60 where dialect == .mysql: state = .backtick
                case 0x5B where dialect == .sqlite: state = .bracket
                case 0x2D where index + 1 < count && line[index + 1] == 0x2D:
                    sawCode = sawCode || !buffer.isEmpty || index > segmentStart
                    index = count // the rest of the line is a comment
                    break scan
                case 0x23 where dialect == .mysql:
                    index = count
                    break scan
                case 0x2F where index + 1 < count && line[index + 1] == 0x2A:
                    state = .blockComment
                    // MySQL runs the text of `/*!NNNNN … */`; other comments are not code.
                    let conditional = dialect == .mysql && index + 2 < count && line[index + 2] == 0x21
                    index += 2
                    if conditional { sawCode = true }
                    continue scan
                case 0x24 where dialect == .postgres:
                    if let tag = Self.dollarTag(line, index) {
                        state = .dollar(tag)
                        index += tag.count - 1
                    }
                default:
                    if byte == delimiter[0] && Self.matches(line, index, delimiter) {
                        var statement = buffer
                        statement.append(contentsOf: UnsafeBufferPointer(rebasing: line[segmentStart..<index]))
                        if dialect == .sqlite && !Self.triggerIsComplete(statement) {
                            break // `;` inside CREATE TRIGGER … BEGIN … END
                        }
                        index += delimiter.count
                        segmentStart = index
                        buffer.removeAll(keepingCapacity: true)
                        sawCode = false
                        try emit(statement, startLine)
                        while index < count, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0D {
                            index += 1
                        }
                        segmentStart = index
                        startLine = number
                        continue scan
                    }
                }
                if byte != 0x20 && byte != 0x09 && byte != 0x0D { sawCode = true }
            case .single(let backslash):
                if !backslash && byte != 0x27 {
                    // Inside a plain string only a quote matters: jump to the next one.
                    let rest = UnsafeRawPointer(line.baseAddress! + index)
                    guard let quote = memchr(rest, 0x27, count - index) else {
                        index = count
                        continue scan
                    }
                    index += rest.distance(to: UnsafeRawPointer(quote))
                    continue scan
                }
                if backslash && byte == 0x5C {
                    index += 1
                } else if byte == 0x27 {
                    if index + 1 < count && line[index + 1] == 0x27 { index += 1 } else { state = .normal }
                }
            case .double(let backslash):
                if backslash && byte == 0x5C {
                    index += 1
                } else if byte == 0x22 {
                    if index + 1 < count && line[index + 1] == 0x22 { index += 1 } else { state = .normal }
                }
            case .backtick:
                if byte == 0x60 { state = .normal }
            case .bracket:
                if byte == 0x5D { state = .normal }
            case .blockComment:
                if byte == 0x2A && index + 1 < count && line[index + 1] == 0x2F {
                    state = .normal
                    index += 1
                }
            case .dollar(let tag):
                if byte == 0x24 && Self.matches(line, index, tag) {
                    state = .normal
                    index += tag.count - 1
                }
            }
            index += 1
        }
        if segmentStart < count || !buffer.isEmpty || !isIdle {
            guard buffer.count + (min(index, count) - segmentStart) < maxStatementBytes else {
                buffer = []
                throw DumpLineReader.LineTooLong(line: startLine, limit: maxStatementBytes)
            }
            // A CR before the newline is the line's end (a dump saved with CRLF) unless a string
            // is still open: then it is a byte of the value, as the engine would read it.
            var end = min(index, count)
            if state == .normal, end > segmentStart, line[end - 1] == 0x0D { end -= 1 }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: line[segmentStart..<end]))
            buffer.append(0x0A)
            if state != .normal { sawCode = true }
        }
        return .statement
    }

    /// What is left when the dump ends: an unfinished statement and the line it started on.
    var unfinished: (text: [UInt8], line: Int)? {
        let trimmed = buffer.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
        return trimmed.isEmpty && state == .normal ? nil : (buffer, startLine)
    }

    private static func matches(_ line: UnsafeBufferPointer<UInt8>, _ index: Int, _ token: [UInt8]) -> Bool {
        guard index + token.count <= line.count else { return false }
        for offset in 0..<token.count where line[index + offset] != token[offset] { return false }
        return true
    }

    /// `E'…'` (or `e'…'`) not preceded by an identifier character: PostgreSQL's escape string.
    private static func isEscapeStringPrefix(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index >= 1, line[index - 1] | 0x20 == 0x65 else { return false }
        return index < 2 || !isIdentifierByte(line[index - 2])
    }

    /// `$tag$` or `$$` starting at `index`, with the dollars; nil for `$1` and the like.
    private static func dollarTag(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> [UInt8]? {
        if index > 0 && isIdentifierByte(line[index - 1]) { return nil }
        var end = index + 1
        while end < line.count, line[end] != 0x24 {
            let byte = line[end]
            guard isIdentifierByte(byte), !(end == index + 1 && byte >= 0x30 && byte <= 0x39) else { return nil }
            end += 1
        }
        guard end < line.count else { return nil }
        return Array(line[index...end])
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    /// `DELIMITER ;;` → `;;`.
    private static func delimiterCommand(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let word = Array("delimiter ".utf8)
        guard line.count > word.count else { return nil }
        for offset in 0..<word.count where line[offset] | (offset < 9 ? 0x20 : 0) != word[offset] { return nil }
        let rest = line[word.count...].filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        return rest.isEmpty ? nil : Array(rest)
    }

    /// SQLite triggers hold `;` inside BEGIN … END; sqlite3_complete knows where they end.
    private static func triggerIsComplete(_ statement: [UInt8]) -> Bool {
        var cursor = SQLCursor(statement, dialect: .sqlite)
        guard cursor.accept("CREATE") else { return true }
        _ = cursor.accept("TEMP") || cursor.accept("TEMPORARY")
        guard cursor.accept("TRIGGER") else { return true }
        return SQLiteDatabase.isComplete(statement + [UInt8(ascii: ";")])
    }
}
