import Foundation

/// Durations as plans write them (`90s`, `30m`, `26h`, `7d`, `2w`) and as reports print them.
public enum AgeText {
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last, let number = Double(trimmed.dropLast()), number >= 0, number.isFinite else {
            return nil
        }
        let seconds: Double
        switch last {
        case "s": seconds = number
        case "m": seconds = number * 60
        case "h": seconds = number * 3600
        case "d": seconds = number * 86400
        case "w": seconds = number * 7 * 86400
        default: return nil
        }
        return seconds <= maximum ? seconds : nil
    }

    /// The longest duration a plan may give: a century (`36500d`). Beyond it a value is a typo,
    /// and arithmetic on it would overflow.
    public static let maximum: TimeInterval = 36500 * 86400

    /// `93784` → `1d 2h`; `4000` → `1h 6m`; `42` → `42s`.
    public static func format(_ seconds: TimeInterval) -> String {
        // Ages come from clocks and files: clamp what no clock can show instead of trapping.
        let total = seconds.isFinite ? Int(min(max(seconds, -maximum * 10), maximum * 10).rounded()) : 0
        let sign = total < 0 ? "-" : ""
        let value = abs(total)
        let days = value / 86400
        let hours = value % 86400 / 3600
        let minutes = value % 3600 / 60
        if days > 0 { return "\(sign)\(days)d \(hours)h" }
        if hours > 0 { return "\(sign)\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(sign)\(minutes)m \(value % 60)s" }
        return "\(sign)\(value)s"
    }
}
