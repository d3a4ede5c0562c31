import Foundation
import Testing

@testable import RestoreCheck

/// An import reads and lexes a dump on one thread and runs SQLite on another, batches of
/// rows in flight between them. What it reports must be what one thread would have found:
/// the first failure in the dump's order (whichever side found it), every row before it and
/// none after, and a failed dump's end judged as it really is.
@Suite struct ImportPipelineTests {
    private func importing(_ dump: String) throws -> (DumpImportResult, Int64) {
        let work = TestEnvironment.scratch("pipeline")
        defer { TestEnvironment.remove(work) }
        let database = try SQLiteDatabase(path: work + "/t.sqlite")
        let result = SQLiteDumpImporter(database: database, dialect: .postgres)
            .run(DumpLineReader(source: BytesDumpSource(dump)))
        guard case .integer(let count) = try database.rows("SELECT count(*) FROM t").first?.first else {
            Issue.record("no table t")
            return (result, -1)
        }
        return (result, count)
    }

    /// A pg_dump of table t with `rows` COPY rows (ids 1…rows); `change` may rewrite row i.
    /// Data starts on line 4, so row i is on line 3 + i.
    private func dump(rows: Int, change: (Int) -> String? = { _ in nil }, after: String = "") -> String {
        var lines = ["-- PostgreSQL database dump", "CREATE TABLE public.t (id integer NOT NULL, note text);"]
        lines.append("COPY public.t (id, note) FROM stdin;")
        for id in 1...rows { lines.append(change(id) ?? "\(id)\tnote \(id)") }
        lines.append("\\.")
        if !after.isEmpty { lines.append(after) }
        lines.append("-- PostgreSQL database dump complete")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aFailureSQLiteFindsStopsTheRowsAtItsLine() throws {
        let (result, count) = try importing(dump(rows: 5000) { $0 == 3000 ? "\\N\tagain" : nil })
        #expect(result.failure?.line == 3003, "\(String(describing: result.failure))")
        #expect(result.failure?.message.contains("NOT NULL constraint failed") == true)
        #expect(result.rowsInserted == 2999)
        #expect(count == 2999)
        #expect(result.complete)
    }

    @Test func aFailureTheReaderFindsComesAfterEveryRowBeforeIt() throws {
        let (result, count) = try importing(dump(rows: 5000) { $0 == 2500 ? "2500" : nil })
        #expect(result.failure?.line == 2503, "\(String(describing: result.failure))")
        #expect(result.failure?.message.contains("has 1 fields, the table has 2 columns") == true)
        #expect(result.rowsInserted == 2499)
        #expect(count == 2499)
    }

    @Test func theEarlierOfTwoFailuresIsTheOneReported() throws {
        let change: (Int) -> String? = { id in id == 1000 ? "\\N\tagain" : id == 4000 ? "4000" : nil }
        let (result, count) = try importing(dump(rows: 5000, change: change))
        #expect(result.failure?.line == 1003, "\(String(describing: result.failure))")
        #expect(result.failure?.message.contains("NOT NULL constraint failed") == true)
        #expect(count == 999)
    }

    /// Once the dump has failed, a COPY into a table it never created is only scanned: its
    /// data is read as COPY data, so the trailer after it is still found and the dump whole.
    @Test func aDumpFailedEarlierIsOnlyScannedToItsEnd() throws {
        let after = "COPY public.nosuch (id) FROM stdin;\n5\n6\n\\."
        let (result, count) = try importing(dump(rows: 3000, change: { $0 == 10 ? "\\N\tagain" : nil }, after: after))
        #expect(result.failure?.line == 13, "\(String(describing: result.failure))")
        #expect(count == 9)
        #expect(result.complete, "\(String(describing: result.incompleteReason))")
    }
}
