@testable import RestoreCheck

/// A dump's text through the splitter, each dialect's translator (CREATE TABLE included) and
/// the INSERT fast path, line by line as the importer reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSQL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var translators: [(DumpDialect, any DumpTranslator)] = [
        (.sqlite, SQLiteDumpTranslator()), (.mysql, MySQLDumpTranslator()), (.postgres, PostgresDumpTranslator()),
    ]
    for index in translators.indices {
        let dialect = translators[index].0
        var splitter = SQLStatementSplitter(dialect: dialect)
        let inserts = InsertParser(dialect: dialect)
        for (number, line) in FuzzLines.split(bytes) {
            _ = line.withUnsafeBufferPointer { buffer in
                try? splitter.feed(buffer, number: number) { statement, _ in
                    if case .insert(let header) = translators[index].1.action(for: statement) {
                        _ = try? inserts.rows(statement, from: header.valuesStart) { _ in }
                    }
                }
            }
        }
        _ = translators[index].1.finish()
    }
    return 0
}
