import Foundation

/// How every report writes a moment: ISO 8601 in UTC to the second (`2026-11-26T06:00:00Z`).
/// The model keeps `Date`s; text is made only here, at the edge.
public enum ISOTime {
    /// Formatted with `gmtime_r`, not a new `ISO8601DateFormatter` (which sets up ICU each
    /// time and was a tenth of a small run's time: the reports write many moments).
    public static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return ISO8601DateFormatter().string(from: date) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        let year = Int(parts.tm_year) + 1900
        guard (0...9999).contains(year) else { return ISO8601DateFormatter().string(from: date) }
        let yearText = String(repeating: "0", count: 4 - String(year).count) + String(year)
        return "\(yearText)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// ISO 8601 with a time, or a bare date (midnight UTC); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        // The shape the reports write is read here alone: the formatter would take 31 February
        // for 3 March.
        if text.utf8.count == 20 && text.hasSuffix("Z") { return parseUTC(text) }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly (what `string` writes, what the history holds) without
    /// a formatter; anything else is left to `ISO8601DateFormatter`.
    static func parseUTC(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
            bytes[19] == 90
        else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int32(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        return utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// A civil moment in UTC; nil when it is none (31 February, hour 24).
    static func utc(year: Int32, month: Int32, day: Int32, hour: Int32, minute: Int32, second: Int32) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else {
            return nil
        }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = timegm(&parts)
        // timegm normalises 31 February into March: such a date is not a date.
        guard parts.tm_mday == day, parts.tm_mon == month - 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
