/// PostgreSQL's bytea input syntax, as a `bytea` column reads a text value: hex (`\x…`, what
/// pg_dump writes by default) or the older escape format (`\\` for a backslash, `\ooo` octal
/// for any byte, every other byte as itself). The same rules for COPY fields (once COPY's own
/// escapes are undone) and for INSERT literals, so both forms restore the same bytes.
enum ByteaInput {
    /// The bytes `text` stands for; nil when PostgreSQL would reject it ("invalid input syntax
    /// for type bytea").
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        if text.count >= 2, text[0] == 0x5C, text[1] == 0x78 { return hex(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            guard byte == 0x5C else {
                out.append(byte)
                index += 1
                continue
            }
            if index + 1 < text.count, text[index + 1] == 0x5C {
                out.append(0x5C)
                index += 2
                continue
            }
            guard index + 3 < text.count, let value = octal(text[(index + 1)...(index + 3)]) else { return nil }
            out.append(value)
            index += 4
        }
        return out
    }

    /// `\x` then pairs of hex digits (whitespace between pairs is allowed, as PostgreSQL does).
    private static func hex(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity((text.count - 2) / 2)
        var position = 2
        while position < text.count {
            let byte = text[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                position += 1
                continue
            }
            guard position + 1 < text.count, let high = Hex.nibble(byte), let low = Hex.nibble(text[position + 1])
            else { return nil }
            out.append(high << 4 | low)
            position += 2
        }
        return out
    }

    /// Three octal digits, the first 0–3.
    private static func octal(_ digits: ArraySlice<UInt8>) -> UInt8? {
        var value = 0
        for (offset, digit) in digits.enumerated() {
            let limit: UInt8 = offset == 0 ? 0x33 : 0x37
            guard digit >= 0x30, digit <= limit else { return nil }
            value = value * 8 + Int(digit - 0x30)
        }
        return UInt8(value)
    }
}
