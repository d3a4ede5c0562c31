@testable import RestoreCheck

/// PostgreSQL COPY text rows (escapes, `\N`, bytea hex, booleans), one line at a time, into
/// columns of every affinity, and each line as bytea input: values or an error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCopy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let decoder = CopyRowDecoder(columns: [
        .init(name: "id", affinity: .integer), .init(name: "body", affinity: .text),
        .init(name: "data", affinity: .blob), .init(name: "flag", affinity: .integer, isBoolean: true),
        .init(name: "price", affinity: .numeric), .init(name: "ratio", affinity: .real),
    ])
    var values: [SQLValue] = []
    let checks: [ValueCheck] = [
        .integer(min: .min, max: .max), .integer(min: -32768, max: 32767), .numeric(integerDigits: 3),
        .numeric(integerDigits: nil), .boolean, .date, .timestamp, .uuid, .json, .enumeration(["a"]), .characters(4),
    ]
    for (_, line) in FuzzLines.split(bytes) {
        line.withUnsafeBufferPointer { _ = try? decoder.decode($0, into: &values) }
        _ = ByteaInput.decode(line)
        // Every type check PostgreSQL dumps' values go through.
        for check in checks { _ = check.apply(.text(line)) }
    }
    return 0
}
