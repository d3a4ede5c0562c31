import Foundation
import Testing

@testable import RestoreCheck

/// The default SQLite target refuses what the dump's own engine refuses: each fault is put
/// into a real dump and restored into SQLite and into the engine itself, and both must fail
/// at the same line (before, SQLite kept `abc` in an integer column and NULL in a NOT NULL one).
@Suite(.serialized) struct StrictTargetTests {
    /// shop.pg.sql with one COPY row replaced (the first row after `COPY public.<table>`).
    static func pgDump(replacingFirstRowOf table: String, with row: String) throws -> (bytes: [UInt8], line: Int) {
        var lines = try String(contentsOfFile: DumpFixture.shopDumps + "/shop.pg.sql", encoding: .utf8)
            .components(separatedBy: "\n")
        let copy = try #require(lines.firstIndex { $0.hasPrefix("COPY public.\(table) ") })
        lines[copy + 1] = row
        return (Array(lines.joined(separator: "\n").utf8), copy + 2)
    }

    @Test(
        arguments: [
            ("customers", "1\t\\N\tAna\t2026-02-11 09:00:00", "NOT NULL"),
            ("order_items", "1001\t2\tabc", "not a valid integer"),
            ("order_items", "1001\t2\t2\\", "backslash"),
            ("orders", "1001\t8\t2026-02-30 05:13:00\t61.95", "not a valid date"),
            ("orders", "1001\t8\t2026-11-07 05:13:00\t123456789012.5", "numeric precision"),
        ] as [(String, String, String)], ["sqlite", "postgres"])
    func aRowThePostgreSQLEngineRefusesFailsInBothTargets(_ fault: (String, String, String), _ target: String) throws {
        let (bytes, line) = try Self.pgDump(replacingFirstRowOf: fault.0, with: fault.1)
        let production = "/var/backups/db/shop.pg.sql"
        let (result, checks) = try DumpFormsTests.verify(
            [production: bytes], entry: "      - dump: \(production)\n        target: \(target)")
        #expect(result.code == 1, "\(result.all)")
        let message = checks["import \(production)"]?.message ?? ""
        #expect(checks["import \(production)"]?.status == .fail, "\(checks)")
        if target == "sqlite" {
            #expect(message.contains("shop.pg.sql:\(line):"), "\(message)")
            #expect(message.contains(fault.2), "\(message)")
        }
    }

    /// MySQL does not nest comments: `/* a /* b */ c */` leaves ` c */`, a syntax error there.
    @Test(arguments: ["sqlite", "mariadb"])
    func aNestedCommentIsASyntaxErrorAsInMariaDB(_ target: String) throws {
        let whole = DumpFixture.bytes(DumpFixture.shopDumps + "/shop.mariadb.sql")
        let marker = Array("\nDROP TABLE IF EXISTS `customers`;".utf8)
        let at = try #require(
            (0...(whole.count - marker.count)).first { whole[$0..<($0 + marker.count)].elementsEqual(marker) })
        let bytes = Array(whole[...at]) + Array("/* a /* b */ c */;\n".utf8) + Array(whole[(at + 1)...])
        let production = "/var/backups/db/shop.sql"
        let (result, checks) = try DumpFormsTests.verify(
            [production: bytes], entry: "      - dump: \(production)\n        target: \(target)")
        #expect(result.code == 1, "\(result.all)")
        #expect(checks["import \(production)"]?.status == .fail, "\(checks)")
    }

    /// What PostgreSQL accepts, value by value (the dataset and form tests restore every value
    /// of real dumps through the same checks: Pagila's enums, dates, numerics and arrays).
    @Test func eachTypeAcceptsWhatPostgreSQLAccepts() {
        func refused(_ declared: String, _ text: String, enums: [String: Set<String>] = [:]) -> Bool {
            var catalog = SchemaCatalog()
            catalog.enums = enums
            return ValueCheck.postgres(declared, catalog: catalog)?.refusal(.text(Array(text.utf8))) != nil
        }
        #expect(!refused("timestamp with time zone", "2024-02-29 23:59:60.123456+05:30"))
        #expect(refused("date", "2023-02-29"))
        #expect(!refused("numeric(5,2)", "-123.456") && refused("numeric(5,2)", "1234.5"))
        #expect(!refused("smallint", " 32767 ") && refused("smallint", "32768"))
        #expect(!refused("boolean", "yes") && refused("boolean", "maybe"))
        #expect(!refused("uuid", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}") && refused("uuid", "a0eebc99"))
        #expect(!refused("jsonb", #"{"a": [1, 2]}"#) && refused("json", "{a: 1}"))
        #expect(
            !refused("mood", "happy", enums: ["mood": ["happy", "sad"]])
                && refused("mood", "meh", enums: ["mood": ["happy"]]))
        #expect(!refused("character(3)", "ab     ") && refused("character varying(3)", "abcd"))
        #expect(!refused("text[]", "{a,b}") && !refused("tsvector", "'a':1"))
    }

    /// A type's `(precision, scale)` as pg_dump and people write them; anything else is no limit.
    @Test func typeArgumentsAreReadAsWritten() {
        let read = { (type: String) in ValueCheck.typeArguments(type).map { "\($0.precision),\($0.scale ?? -99)" } }
        #expect(read("numeric(10,2)") == "10,2" && read("numeric(10 , -3)") == "10,-3")
        #expect(read("varchar(80)") == "80,-99" && read("timestamp(3) with time zone") == "3,-99")
        #expect(read("numeric") == nil && read("numeric(a,2)") == nil && read("numeric(1,2,3)") == nil)
        #expect(read("numeric(,2)") == nil && read("numeric(10,)") == nil && read("numeric(10") == nil)
        #expect(!Self.refusedAsNumeric("numeric(5 , 2)", "123.45") && Self.refusedAsNumeric("numeric(5 , 2)", "1234.5"))
    }

    private static func refusedAsNumeric(_ declared: String, _ text: String) -> Bool {
        ValueCheck.postgres(declared, catalog: SchemaCatalog())?.refusal(.text(Array(text.utf8))) != nil
    }
}
