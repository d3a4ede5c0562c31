/// A cursor over a value's bytes for the checks that run on every value.
struct ByteScanner {
    let bytes: [UInt8]
    private(set) var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skip() { index += 1 }

    /// Accepts one byte (ASCII letters in either case).
    mutating func accept(byte: UInt8) -> Bool {
        guard index < bytes.count, Self.same(bytes[index], byte) else { return false }
        index += 1
        return true
    }

    /// Equal, letters in either case (only letters: `\r` is not `-` in another case).
    static func same(_ byte: UInt8, _ wanted: UInt8) -> Bool {
        if byte == wanted { return true }
        let folded = wanted | 0x20
        return folded >= 0x61 && folded <= 0x7A && byte | 0x20 == folded
    }

    mutating func skipSpaces() { while current == 0x20 || current == 0x09 { index += 1 } }

    var atEndAfterSpaces: Bool {
        var copy = self
        copy.skipSpaces()
        return copy.index == bytes.count
    }

    /// Accepts `text` (ASCII, case-insensitive) at the cursor.
    mutating func accept(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for offset in 0..<count where !Self.same(bytes[index + offset], pointer[offset]) { return false }
        index += count
        return true
    }

    /// Between `min` and `max` decimal digits, as a number.
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max, let byte = current, byte >= 0x30, byte <= 0x39 {
            value = value * 10 + Int(byte - 0x30)
            index += 1
            count += 1
        }
        return count >= min ? value : nil
    }

    /// Any number of decimal digits; how many, and how many were not leading zeros.
    mutating func digitRun() -> (count: Int, significant: Int) {
        var count = 0
        var significant = 0
        while let byte = current, byte >= 0x30, byte <= 0x39 {
            if significant > 0 || byte != 0x30 { significant += 1 }
            index += 1
            count += 1
        }
        return (count, significant)
    }
}
