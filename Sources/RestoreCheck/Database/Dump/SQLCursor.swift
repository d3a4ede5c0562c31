import Foundation

/// A read position in one statement's bytes, with the small lexical steps the translators
/// need: skip blanks and comments, match a keyword, read an identifier in any dialect's quotes.
struct SQLCursor {
    let bytes: [UInt8]
    var index: Int
    let dialect: DumpDialect

    init(_ bytes: [UInt8], dialect: DumpDialect, at index: Int = 0) {
        self.bytes = bytes
        self.dialect = dialect
        self.index = index
    }

    var atEnd: Bool { index >= bytes.count }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips whitespace and comments. MySQL's `/*!NNNNN` and `*/` of a conditional comment are
    /// skipped as markers, so the code inside them is read as code.
    mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            if byte == 0x2D, index + 1 < bytes.count, bytes[index + 1] == 0x2D {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            }
            if byte == 0x23, dialect == .mysql {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            }
            if byte == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2A {
                if dialect == .mysql, index + 2 < bytes.count, bytes[index + 2] == 0x21 {
                    index += 3
                    while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                    continue
                }
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == 0x2A && bytes[index + 1] == 0x2F) { index += 1 }
                index = min(index + 2, bytes.count)
                continue
            }
            if byte == 0x2A, dialect == .mysql, index + 1 < bytes.count, bytes[index + 1] == 0x2F {
                index += 2 // the end of a conditional comment
                continue
            }
            return
        }
    }

    /// The next bare word, upper-cased, without consuming it.
    func peekWord() -> String? {
        var copy = self
        return copy.word()
    }

    /// Reads a bare word (letters, digits, `_`), upper-cased.
    mutating func word() -> String? {
        skipSpace()
        let start = index
        while index < bytes.count, SQLStatementSplitter.isIdentifierByte(bytes[index]), bytes[index] < 0x80 {
            index += 1
        }
        guard index > start else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self).uppercased()
    }

    /// Consumes the keywords (upper-case ASCII) in order if they are next; leaves the cursor
    /// unchanged if not. Compares bytes: this runs for every statement of a dump.
    mutating func accept(_ words: String...) -> Bool {
        var copy = self
        for expected in words {
            guard copy.acceptKeyword(expected) else { return false }
        }
        self = copy
        return true
    }

    private mutating func acceptKeyword(_ keyword: String) -> Bool {
        skipSpace()
        var position = index
        for letter in keyword.utf8 {
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            guard byte == letter || (letter >= 0x41 && letter <= 0x5A && byte == letter | 0x20) else { return false }
            position += 1
        }
        if position < bytes.count, SQLStatementSplitter.isIdentifierByte(bytes[position]) { return false }
        index = position
        return true
    }

    mutating func accept(byte: UInt8) -> Bool {
        skipSpace()
        guard current == byte else { return false }
        index += 1
        return true
    }

    /// One identifier: `"x"`, `` `x` ``, `[x]` or bare; the quotes removed and doubled quotes undone.
    mutating func identifier() -> String? {
        skipSpace()
        guard let first = current else { return nil }
        let close: UInt8?
        switch first {
        case 0x22: close = 0x22
        case 0x60: close = 0x60
        case 0x5B where dialect == .sqlite: close = 0x5D
        default: close = nil
        }
        if let close {
            var out: [UInt8] = []
            index += 1
            while index < bytes.count {
                if bytes[index] == close {
                    if close != 0x5D, index + 1 < bytes.count, bytes[index + 1] == close {
                        out.append(close)
                        index += 2
                        continue
                    }
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                }
                out.append(bytes[index])
                index += 1
            }
            return nil
        }
        let start = index
        while index < bytes.count, SQLStatementSplitter.isIdentifierByte(bytes[index]) || bytes[index] == 0x24 {
            index += 1
        }
        guard index > start else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `name` or `schema.name`; the schema is kept apart so `public.` can be dropped.
    mutating func qualifiedName() -> (schema: String?, name: String)? {
        guard let first = identifier() else { return nil }
        var copy = self
        if copy.current == 0x2E {
            copy.index += 1
            if let second = copy.identifier() {
                self = copy
                return (first, second)
            }
        }
        return (nil, first)
    }

    /// A parenthesised, comma-separated identifier list: `(a, "b")`.
    mutating func identifierList() -> [String]? {
        guard accept(byte: 0x28) else { return nil }
        var names: [String] = []
        repeat {
            guard let name = identifier() else { return nil }
            names.append(name)
        } while accept(byte: 0x2C)
        return accept(byte: 0x29) ? names : nil
    }

    /// The bytes from here to the end, as text.
    var rest: String { String(decoding: bytes[min(index, bytes.count)...], as: UTF8.self) }
}

/// SQL spelling of an identifier for SQLite: always double-quoted.
func quoteIdentifier(_ name: String) -> String {
    guard name.utf8.contains(0x22) else { return "\"" + name + "\"" }
    return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
