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
