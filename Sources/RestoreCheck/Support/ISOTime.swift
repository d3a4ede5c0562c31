import Foundation

/// How every report writes a moment: ISO 8601 in UTC to the second (`2026-11-26T06:00:00Z`).
/// The model keeps `Date`s; text is made only here, at the edge.
public enum ISOTime {
    public static func string(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// ISO 8601 with a time, or a bare date (midnight UTC); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
