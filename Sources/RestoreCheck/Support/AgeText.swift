import Foundation

/// Durations as plans write them (`90s`, `30m`, `26h`, `7d`, `2w`) and as reports print them.
public enum AgeText {
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last, let number = Double(trimmed.dropLast()), number >= 0 else { return nil }
        switch last {
        case "s": return number
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86400
        case "w": return number * 7 * 86400
        default: return nil
        }
    }

    /// `93784` → `1d 2h`; `4000` → `1h 6m`; `42` → `42s`.
    public static func format(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
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
