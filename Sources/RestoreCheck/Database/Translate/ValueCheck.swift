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
        let arguments = typeArguments(type)
        switch name {
        case "smallint", "int2", "smallserial", "serial2": return .integer(min: -32768, max: 32767)
        case "integer", "int", "int4", "serial", "serial4": return .integer(min: -2_147_483_648, max: 2_147_483_647)
        case "bigint", "int8", "bigserial", "serial8": return .integer(min: .min, max: .max)
        case "numeric", "decimal":
            guard let arguments else { return .numeric(integerDigits: nil) }
            return .numeric(integerDigits: arguments.precision - (arguments.scale ?? 0))
        case "boolean", "bool": return .boolean
        case "date": return .date
        case "timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz": return .timestamp
        case "uuid": return .uuid
        case "json", "jsonb": return .json
        case "character varying", "varchar", "character", "char", "bpchar":
            return arguments.map { .characters($0.precision) }
        default: return nil
        }
    }

    /// `(p)` or `(p, s)` after a type's name (`numeric(10,2)`, `varchar(80)`). By hand: a
    /// regular expression here was built anew for every column and cost more than the parse.
    static func typeArguments(_ type: String) -> (precision: Int, scale: Int?)? {
        guard let open = type.firstIndex(of: "("), let close = type[open...].firstIndex(of: ")") else { return nil }
        let parts = type[type.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
        func number(_ text: Substring, signed: Bool) -> Int? {
            let digits = signed && text.hasPrefix("-") ? text.dropFirst() : text[...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(text)
        }
        let precisionText = Substring(parts[0].trimmingCharacters(in: .whitespaces))
        guard parts.count <= 2, let precision = number(precisionText, signed: false) else { return nil }
        guard parts.count == 2 else { return (precision, nil) }
        guard let scale = number(Substring(parts[1].trimmingCharacters(in: .whitespaces)), signed: true) else {
            return nil
        }
        return (precision, scale)
    }

    /// The value to bind (an integer column's text read as the integer SQLite's INTEGER
    /// affinity would make of it anyway, once, here), or why PostgreSQL would refuse it.
    func apply(_ value: SQLValue) -> (value: SQLValue, refusal: String?) {
        if case .integer(let min, let max) = self, case .text(let bytes) = value {
            guard let number = Self.integer(bytes) else { return (value, "is not a valid integer") }
            return number < min || number > max
                ? (value, "is out of range for its integer type") : (.integer(number), nil)
        }
        return (value, refusal(value))
    }

    /// Why PostgreSQL would refuse `value` here, or nil.
    func refusal(_ value: SQLValue) -> String? {
        switch (self, value) {
        case (_, .null): return nil
        case (.integer(let min, let max), .integer(let number)):
            return number < min || number > max ? "is out of range for its integer type" : nil
        case (.integer(let min, let max), .text(let bytes)):
            guard let number = Self.integer(bytes) else { return "is not a valid integer" }
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

    /// An integer as PostgreSQL reads one: spaces around, a sign, digits; nil past Int64.
    /// (Byte by byte over the buffer: this runs on every integer of a COPY.)
    static func integer(_ bytes: [UInt8]) -> Int64? {
        bytes.withUnsafeBufferPointer { buffer -> Int64? in
            var index = 0
            let count = buffer.count
            while index < count, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
            var negative = false
            if index < count, buffer[index] == 0x2D || buffer[index] == 0x2B {
                negative = buffer[index] == 0x2D
                index += 1
            }
            // Accumulated below zero, so Int64.min reads too.
            var value: Int64 = 0
            let start = index
            while index < count, buffer[index] &- 0x30 < 10 {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.subtractingReportingOverflow(Int64(buffer[index] &- 0x30))
                guard !overflow, !overflow2 else { return nil }
                value = sum
                index += 1
            }
            guard index > start else { return nil }
            while index < count, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
            guard index == count else { return nil }
            if negative { return value }
            return value == .min ? nil : -value
        }
    }

    private static func numericRefusal(_ value: SQLValue, integerDigits: Int?) -> String? {
        let bytes: [UInt8]
        switch value {
        case .integer(let number): bytes = Array(String(number).utf8)
        case .real(let number): bytes = Array(SQLValue.format(number).utf8)
        case .text(let text): bytes = text
        default: return nil
        }
        var scan = ByteScanner(bytes)
        scan.skipSpaces()
        if let first = scan.current, first | 0x20 == 0x6E || first | 0x20 == 0x69 || first == 0x2D || first == 0x2B,
            scan.accept("nan") || scan.accept("infinity") || scan.accept("-infinity") || scan.accept("+infinity")
        {
            return scan.atEndAfterSpaces ? nil : "is not a valid number"
        }
        _ = scan.accept(byte: 0x2B) || scan.accept(byte: 0x2D)
        let whole = scan.digitRun()
        var fraction = 0
        if scan.accept(byte: 0x2E) { fraction = scan.digitRun().count }
        guard whole.count + fraction > 0 else { return "is not a valid number" }
        var exponent = 0
        if scan.accept(byte: 0x65) {
            let negative = scan.accept(byte: 0x2D)
            if !negative { _ = scan.accept(byte: 0x2B) }
            guard let power = scan.digits(min: 1, max: 6) else { return "is not a valid number" }
            exponent = negative ? -power : power
        }
        guard scan.atEndAfterSpaces else { return "is not a valid number" }
        guard let integerDigits else { return nil }
        return whole.significant + exponent > integerDigits ? "is out of range for its numeric precision" : nil
    }
}
