import Foundation

/// What PostgreSQL accepts in a column of a declared type, checked on every value bound into
/// the SQLite target, which would otherwise keep `abc` in an integer column: a target more
/// lenient than production is a false pass waiting to happen. (MySQL dumps load with the
/// dump's own non-strict SQL mode, in which MariaDB converts such values; they are not checked.)
enum ValueCheck: Sendable {
    case integer(min: Int64, max: Int64)
    /// `numeric(p, s)`: at most p − s digits before the point (None: any).
    case numeric(integerDigits: Int?)
    case boolean
    case date
    case timestamp
    case uuid
    case json
    case enumeration(Set<String>)
    /// `varchar(n)`, `char(n)`: at most n characters (trailing spaces beyond n are dropped).
    case characters(Int)

    /// The check for a declared PostgreSQL type, domains and enums resolved; nil when any text goes.
    static func postgres(_ declared: String, catalog: SchemaCatalog) -> ValueCheck? {
        var type = declared.lowercased().trimmingCharacters(in: .whitespaces)
        for prefix in ["public.", "pg_catalog."] where type.hasPrefix(prefix) { type.removeFirst(prefix.count) }
        type = type.replacingOccurrences(of: "\"", with: "")
        if let labels = catalog.enums[type] { return .enumeration(labels) }
        if let base = catalog.domains[type], base != type { return postgres(base, catalog: catalog) }
        if type.hasSuffix("[]") { return nil }
        let name = type.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? type
        let arguments = type.firstMatch(of: #/\((\d+)(?:\s*,\s*(-?\d+))?\)/#)
        switch name {
        case "smallint", "int2", "smallserial", "serial2": return .integer(min: -32768, max: 32767)
        case "integer", "int", "int4", "serial", "serial4": return .integer(min: -2_147_483_648, max: 2_147_483_647)
        case "bigint", "int8", "bigserial", "serial8": return .integer(min: .min, max: .max)
        case "numeric", "decimal":
            guard let arguments, let precision = Int(arguments.1) else { return .numeric(integerDigits: nil) }
            return .numeric(integerDigits: precision - (arguments.2.flatMap { Int($0) } ?? 0))
        case "boolean", "bool": return .boolean
        case "date": return .date
        case "timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz": return .timestamp
        case "uuid": return .uuid
        case "json", "jsonb": return .json
        case "character varying", "varchar", "character", "char", "bpchar":
            return arguments.flatMap { Int($0.1) }.map { .characters($0) }
        default: return nil
        }
    }

    /// Why PostgreSQL would refuse `value` here, or nil.
    func refusal(_ value: SQLValue) -> String? {
        switch (self, value) {
        case (_, .null): return nil
        case (.integer(let min, let max), .integer(let number)):
            return number < min || number > max ? "is out of range for its integer type" : nil
        case (.integer(let min, let max), .text(let bytes)):
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard let number = Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
                return "is not a valid integer"
            }
            return number < min || number > max ? "is out of range for its integer type" : nil
        case (.numeric(let digits), _):
            return Self.numericRefusal(value, integerDigits: digits)
        case (.boolean, .integer(let number)):
            return number == 0 || number == 1 ? nil : "is not a valid boolean"
        case (.boolean, .text(let bytes)):
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            let words = ["t", "f", "true", "false", "y", "n", "yes", "no", "on", "off", "1", "0"]
            return words.contains(text) ? nil : "is not a valid boolean"
        case (.date, .text(let bytes)), (.timestamp, .text(let bytes)):
            return DateText.isValid(bytes, withTime: { if case .timestamp = self { true } else { false } }())
                ? nil : "is not a valid date or timestamp"
        case (.uuid, .text(let bytes)):
            let hex = bytes.filter { $0 != 0x2D && $0 != 0x7B && $0 != 0x7D }
            return hex.count == 32 && hex.allSatisfy { Hex.nibble($0) != nil } ? nil : "is not a valid uuid"
        case (.json, .text(let bytes)):
            let parsed = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return parsed == nil ? "is not valid JSON" : nil
        case (.enumeration(let labels), .text(let bytes)):
            return labels.contains(String(decoding: bytes, as: UTF8.self)) ? nil : "is not one of its enum's labels"
        case (.characters(let limit), .text(let bytes)):
            guard bytes.count > limit else { return nil } // fewer bytes than the limit: fewer characters too
            var text = String(decoding: bytes, as: UTF8.self)
            while text.unicodeScalars.count > limit, text.hasSuffix(" ") { text.removeLast() }
            return text.unicodeScalars.count > limit ? "is longer than its \(limit) characters" : nil
        default:
            return nil
        }
    }

    private static func numericRefusal(_ value: SQLValue, integerDigits: Int?) -> String? {
        let text: String
        switch value {
        case .integer(let number): text = String(number)
        case .real(let number): text = SQLValue.format(number)
        case .text(let bytes): text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        default: return nil
        }
        if ["nan", "infinity", "-infinity", "+infinity"].contains(text.lowercased()) { return nil }
        guard let match = text.wholeMatch(of: #/[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?/#),
            !(match.1.isEmpty && (match.2 ?? "").isEmpty)
        else { return "is not a valid number" }
        guard let integerDigits else { return nil }
        let exponent = match.3.flatMap { Int($0) } ?? 0
        let significant = match.1.drop { $0 == "0" }.count + exponent
        return significant > integerDigits ? "is out of range for its numeric precision" : nil
    }
}
