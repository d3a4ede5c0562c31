import Foundation

/// One thing a generated plan says, with the comment that explains it: the YAML text of a
/// rule (or preset) under `expect:`, or a dump under `databases:`.
struct BaselineRule {
    var comment: String
    /// YAML lines of the list item, without indentation (the first starts with `- `).
    var lines: [String]
}

/// YAML scalars as the writer spells them: always double-quoted, so a path with `: ` or `#`
/// and a mode such as 0640 stay strings.
func yamlQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += String(format: "\\x%02X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
