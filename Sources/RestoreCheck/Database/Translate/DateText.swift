/// Dates and timestamps as pg_dump writes them (ISO, DateStyle set by the dump): `2026-11-26`,
/// `2026-11-26 06:00:00.123456+01`, `infinity`, a `BC` suffix; the calendar checked, so
/// `2026-02-30` is refused as PostgreSQL refuses it.
enum DateText {
    static func isValid(_ bytes: [UInt8], withTime: Bool) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if ["infinity", "-infinity", "+infinity"].contains(text.lowercased()) { return true }
        let pattern =
            #/
            (\d{4,}) - (\d{2}) - (\d{2})
            (?: [\ T] (\d{2}) : (\d{2}) (?: : (\d{2}) (?: \.\d{1,6} )? )?
                (?: \s* (?: [+-]\d{2} (?: :?\d{2} )? | Z | UTC ) )? )?
            (?: \ BC )?
            /#
        guard let match = text.wholeMatch(of: pattern), let year = Int(match.1), let month = Int(match.2),
            let day = Int(match.3)
        else { return false }
        if match.4 != nil, !withTime { return false }
        guard (1...12).contains(month), day >= 1, day <= days(in: month, of: year) else { return false }
        if let hour = match.4.flatMap({ Int($0) }), hour > 24 { return false }
        if let minute = match.5.flatMap({ Int($0) }), minute > 59 { return false }
        if let second = match.6.flatMap({ Int($0) }), second > 60 { return false }
        return true
    }

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
