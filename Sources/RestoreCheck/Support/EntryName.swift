/// Entry names are bytes, not text: an archive may hold invalid UTF-8, control characters or
/// markup in a name. restorecheck keeps the raw bytes for the file system and uses one
/// printable, lossless-enough *key* everywhere else (index, manifests, reports): valid UTF-8
/// stays as it is, while control characters and bytes that are not UTF-8 become `\xNN`.
public enum EntryName {
    public static func key(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F {
                    out += hex(byte)
                } else {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length > 0,
                let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first,
                scalar.value != 0xFFFD || (bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD)
            {
                if (0x80...0x9F).contains(scalar.value) {
                    out += bytes[index..<index + length].map(hex).joined()
                } else {
                    out.unicodeScalars.append(scalar)
                }
                index += length
            } else {
                out += hex(byte)
                index += 1
            }
        }
        return out
    }

    /// The length of a well-formed UTF-8 sequence starting at `index`, or 0.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        if lead == 0xE0 && bytes[index + 1] < 0xA0 { return 0 }
        if lead == 0xED && bytes[index + 1] > 0x9F { return 0 }
        if lead == 0xF0 && bytes[index + 1] < 0x90 { return 0 }
        if lead == 0xF4 && bytes[index + 1] > 0x8F { return 0 }
        return length
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }

    /// Splits a name into components, dropping empty and `.` components.
    /// Returns nil when the name is absolute or climbs with `..`: such names are never restored.
    public static func safeComponents(_ bytes: [UInt8]) -> [[UInt8]]? {
        if bytes.first == UInt8(ascii: "/") { return nil }
        var parts: [[UInt8]] = []
        for part in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.count == 1 && part[part.startIndex] == UInt8(ascii: ".") { continue }
            if part.count == 2 && part.allSatisfy({ $0 == UInt8(ascii: ".") }) { return nil }
            parts.append(Array(part))
        }
        return parts
    }

    /// A manifest or plan name made comparable to archive names: `./a/b`, `/a/b` and `a/b//`
    /// all become `a/b`. `..` components are kept, so they never match a restored entry.
    public static func normalizedKey(_ bytes: [UInt8]) -> String {
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            .filter { !($0.count == 1 && $0[$0.startIndex] == UInt8(ascii: ".")) }
        return parts.map { key(Array($0)) }.joined(separator: "/")
    }
}
