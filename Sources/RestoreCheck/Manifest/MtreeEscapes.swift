import Foundation

/// Decodes the vis(3) escapes mtree writers use in names and link targets: `\ooo` octal
/// (bsdtar), `\M-x` / `\M^x` / `\^x` meta and control forms (NetBSD `mtree -c`, which
/// libarchive's own mtree reader does not decode), and C-style `\n \t \s \\` and friends.
public enum MtreeEscapes {
    public static func decode(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func octal(_ byte: UInt8) -> UInt8? { (0x30...0x37).contains(byte) ? byte - 0x30 : nil }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { return nil }
            let next = bytes[index + 1]
            if let high = octal(next) {
                var value = UInt32(high)
                var used = 1
                while used < 3, index + 1 + used < bytes.count, let digit = octal(bytes[index + 1 + used]) {
                    value = value * 8 + UInt32(digit)
                    used += 1
                }
                guard value <= 0xFF else { return nil }
                out.append(UInt8(value))
                index += 1 + used
                continue
            }
            switch next {
            case UInt8(ascii: "M"):
                guard index + 3 < bytes.count else { return nil }
                let kind = bytes[index + 2]
                let char = bytes[index + 3]
                if kind == UInt8(ascii: "-") {
                    out.append(char | 0x80)
                } else if kind == UInt8(ascii: "^") {
                    out.append(char == UInt8(ascii: "?") ? 0xFF : (char & 0x1F) | 0x80)
                } else {
                    return nil
                }
                index += 4
                continue
            case UInt8(ascii: "^"):
                guard index + 2 < bytes.count else { return nil }
                let char = bytes[index + 2]
                out.append(char == UInt8(ascii: "?") ? 0x7F : char & 0x1F)
                index += 3
                continue
            default:
                let simple: [UInt8: UInt8] = [
                    UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "b"): 0x08,
                    UInt8(ascii: "a"): 0x07, UInt8(ascii: "v"): 0x0B, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "s"): 0x20,
                    UInt8(ascii: "E"): 0x1B, UInt8(ascii: "\\"): 0x5C,
                ]
                if next == UInt8(ascii: "\n") {
                    index += 2
                    continue
                }
                out.append(simple[next] ?? next)
                index += 2
            }
        }
        return out
    }

    /// Bytes outside printable ASCII, and the characters mtree gives meaning to, as `\ooo`.
    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            if byte > 0x20 && byte < 0x7F && byte != 0x5C && byte != 0x23 && byte != 0x3D && byte != 0x2A
                && byte != 0x3F && byte != 0x5B
            {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "\\%03o", byte)
            }
        }
        return out
    }
}
