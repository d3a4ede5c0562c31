@testable import RestoreCheck

/// One INSERT statement's header and literals (quotes, escapes, hex and bit literals,
/// numbers) in each dialect: rows or nil, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInsert(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for dialect in DumpDialect.allCases {
        let parser = InsertParser(dialect: dialect)
        let start = parser.header(bytes)?.valuesStart ?? 0
        _ = try? parser.rows(bytes, from: start) { _ in }
    }
    return 0
}
