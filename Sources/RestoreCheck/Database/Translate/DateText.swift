/// Dates and timestamps as pg_dump writes them (ISO, DateStyle set by the dump): `2026-11-26`,
/// `2026-11-26 06:00:00.123456+01`, `infinity`, a `BC` suffix; the calendar checked, so
/// `2026-02-30` is refused as PostgreSQL refuses it. Read byte by byte: it runs on every value.
enum DateText {
    static func isValid(_ bytes: [UInt8], withTime: Bool) -> Bool {
        var scan = ByteScanner(bytes)
        scan.skipSpaces()
        if let first = scan.current, first < 0x30 || first > 0x39 {
            return (scan.accept("infinity") || scan.accept("-infinity") || scan.accept("+infinity"))
                && scan.atEndAfterSpaces
        }
        guard let year = scan.digits(min: 4, max: 9), scan.accept(byte: 0x2D), let month = scan.digits(min: 2, max: 2),
            scan.accept(byte: 0x2D), let day = scan.digits(min: 2, max: 2)
        else { return false }
        guard (1...12).contains(month), day >= 1, day <= days(in: month, of: year) else { return false }
        if scan.accept(byte: 0x20) || scan.accept(byte: 0x54) {
            guard withTime, let hour = scan.digits(min: 2, max: 2), hour <= 24, scan.accept(byte: 0x3A),
                let minute = scan.digits(min: 2, max: 2), minute <= 59
            else { return false }
            if scan.accept(byte: 0x3A) {
                guard let second = scan.digits(min: 2, max: 2), second <= 60 else { return false }
                if scan.accept(byte: 0x2E) { guard scan.digits(min: 1, max: 6) != nil else { return false } }
            }
            scan.skipSpaces()
            if scan.accept(byte: 0x2B) || scan.accept(byte: 0x2D) {
                guard scan.digits(min: 2, max: 2) != nil else { return false }
                _ = scan.accept(byte: 0x3A)
                _ = scan.digits(min: 2, max: 2)
            } else {
                _ = scan.accept(byte: 0x5A) || scan.accept("UTC")
            }
        }
        _ = scan.accept(" BC")
        return scan.atEndAfterSpaces
    }

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

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
