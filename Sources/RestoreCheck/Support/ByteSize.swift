import Foundation

/// Byte counts as people write them in plans and flags: `512`, `10KiB`, `1.5 GB`, `2G`.
/// Binary suffixes (KiB, MiB, GiB, TiB, K, M, G, T) are powers of 1024; decimal ones
/// (kB, MB, GB, TB) powers of 1000, as `du --si` uses them.
public enum ByteSize {
    public static func parse(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unitStart = trimmed.firstIndex(where: { !($0.isNumber || $0 == ".") }) else {
            return Double(trimmed).flatMap { $0 >= 0 && $0 < 1.8e19 ? UInt64($0) : nil }
        }
        guard let number = Double(trimmed[..<unitStart]), number >= 0, number.isFinite else { return nil }
        let unit = trimmed[unitStart...].trimmingCharacters(in: .whitespaces).lowercased()
        let factors: [String: Double] = [
            "b": 1, "k": 1024, "kib": 1024, "m": 1_048_576, "mib": 1_048_576, "g": 1_073_741_824,
            "gib": 1_073_741_824, "t": 1_099_511_627_776, "tib": 1_099_511_627_776, "kb": 1e3, "mb": 1e6, "gb": 1e9,
            "tb": 1e12,
        ]
        guard let factor = factors[unit] else { return nil }
        let value = number * factor
        guard value < 1.8e19 else { return nil }
        return UInt64(value)
    }

    /// `1536` → `1.5 KiB`; exact below 1 KiB.
    public static func format(_ bytes: UInt64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes) / 1024
        var index = 0
        while value >= 1024, index < units.count - 1 {
            value /= 1024
            index += 1
        }
        return "\(Double(Int(value * 10)) / 10) \(units[index])"
    }
}
