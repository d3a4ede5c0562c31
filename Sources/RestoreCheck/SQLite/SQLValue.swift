import Foundation

/// One SQL value as it travels from a dump literal into SQLite, or back out of a query.
/// Text is kept as bytes: dumps are byte streams, and a value must arrive exactly.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    /// UTF-8 text.
    case text([UInt8])
    case blob([UInt8])

    /// The value's bytes for `sha256:` assertions: UTF-8 for text, raw for BLOBs, the
    /// engine's text form for numbers.
    public var bytes: [UInt8]? {
        switch self {
        case .null: return nil
        case .integer(let value): return Array(String(value).utf8)
        case .real(let value): return Array(SQLValue.format(value).utf8)
        case .text(let bytes), .blob(let bytes): return bytes
        }
    }

    /// The value as a number, when it is one or is text that reads as one.
    public var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .text(let bytes):
            return Double(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        case .null, .blob: return nil
        }
    }

    /// For messages: text as text, BLOBs by size, numbers as printed.
    public var display: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .real(let value): return SQLValue.format(value)
        case .text(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .blob(let bytes): return "BLOB of \(plural(bytes.count, "byte"))"
        }
    }

    /// A number as a person writes it: 0, 2328.6.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.15g", value)
    }

    /// A REAL the way SQLite prints it (`%!.15g`): 2328.6, not 2328.6000000000004.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.1f", value) }
        return String(format: "%.15g", value)
    }
}
