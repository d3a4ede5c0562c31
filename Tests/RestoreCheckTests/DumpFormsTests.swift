import Foundation
import Testing

@testable import RestoreCheck

/// The dump forms real servers make (Fixtures/dumps/forms, from Fixtures/make-dumps.sh), each
/// judged as its own engine would: into the default SQLite target and into the engine itself.
@Suite(.serialized) struct DumpFormsTests {
    static let forms = DumpFixture.shopDumps + "/forms"

    /// Verifies one dump (bytes at `/var/backups/db/NAME`) with `entry` as its plan entry.
    static func verify(_ files: [String: [UInt8]], entry: String) throws -> (
        TestEnvironment.Result, [String: CheckResult]
    ) {
        let work = TestEnvironment.scratch("forms")
        defer { TestEnvironment.remove(work) }
        let archive = DumpFixture.archive(files, in: work)
        try DumpFixture.plan(archive: archive, entries: [entry]).write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify(
            [work + "/plan.yml", "--now", TestEnvironment.demoNow], reports: work + "/r")
        return (result, DumpFixture.dbChecks(work + "/r"))
    }

    static func bytes(_ name: String) -> [UInt8] { DumpFixture.bytes("\(forms)/\(name)") }

    /// `mariadb-dump --compact` writes no comments, so no trailer: whole, it warns that only its
    /// last statement could be judged (exit 0); `require_trailer: true` makes that a failure.
    @Test(arguments: ["sqlite", "mariadb"])
    func aCompactDumpIsWholeWithAWarning(_ target: String) throws {
        let production = "/var/backups/db/shop.sql"
        let (result, checks) = try Self.verify(
            [production: Self.bytes("shop.mariadb.compact.sql")],
            entry: ShopDumpTests.entry(production, target: target))
        #expect(result.code == 0, "\(result.all)")
        let complete = checks["complete \(production)"]
        #expect(complete?.status == .warn, "\(checks)")
        #expect(complete?.message.contains("--compact") == true)
        #expect(checks.filter { $0.value.status == .fail || $0.value.status == .error }.isEmpty, "\(checks)")
    }

    @Test func requireTrailerFailsACompactDump() throws {
        let production = "/var/backups/db/shop.sql"
        let (result, checks) = try Self.verify(
            [production: Self.bytes("shop.mariadb.compact.sql")],
            entry: "      - dump: \(production)\n        require_trailer: true")
        #expect(result.code == 1, "\(result.all)")
        #expect(checks["complete \(production)"]?.status == .fail, "\(checks)")
    }

    /// Cut between two statements a compact dump would look whole; cut inside one it is not.
    @Test func aCompactDumpCutInsideAStatementIsIncomplete() throws {
        let production = "/var/backups/db/shop.sql"
        let whole = Self.bytes("shop.mariadb.compact.sql")
        let cut = Array(whole.prefix(whole.count - 40))
        let (result, checks) = try Self.verify([production: cut], entry: "      - dump: \(production)")
        #expect(result.code == 1, "\(result.all)")
        #expect(checks["complete \(production)"]?.status == .fail, "\(checks)")
        #expect(checks["complete \(production)"]?.message.contains("cut short") == true, "\(checks)")
    }

    /// A dump with its header comment but no trailer is still cut short, never "whole".
    @Test func aCommentedDumpWithoutItsTrailerStillFails() throws {
        let production = "/var/backups/db/shop.sql"
        let whole = DumpFixture.bytes("\(DumpFixture.shopDumps)/shop.mariadb.sql")
        let trailer = Array("\n-- Dump completed".utf8)
        let end = try #require(
            (0...(whole.count - trailer.count)).last { whole[$0..<($0 + trailer.count)].elementsEqual(trailer) })
        let (result, checks) = try Self.verify(
            [production: Array(whole[...end])], entry: "      - dump: \(production)")
        #expect(result.code == 1, "\(result.all)")
        #expect(checks["complete \(production)"]?.status == .fail, "\(checks)")
    }

    /// `pg_dump --inserts` / `--column-inserts` write bytea as '\x…' text: the column holds the
    /// bytes, as COPY and -Fc already did (a pinned sha256 of an image failed before).
    @Test(arguments: [
        ("shop.pg.inserts.sql", "sqlite"), ("shop.pg.column-inserts.sql", "sqlite"),
        ("shop.pg.inserts.sql", "postgres"),
    ])
    func byteaLiteralsArriveAsTheirBytes(_ file: String, _ target: String) throws {
        let production = "/var/backups/db/\(file)"
        let (result, checks) = try Self.verify(
            [production: Self.bytes(file)], entry: ShopDumpTests.entry(production, target: target))
        #expect(result.code == 0, "\(result.all)")
        #expect(checks.filter { $0.value.status != .pass }.isEmpty, "\(checks.filter { $0.value.status != .pass })")
    }

    /// Both bytea input formats, as PostgreSQL reads them.
    @Test func byteaInputReadsHexAndEscapeFormats() {
        #expect(ByteaInput.decode(Array("\\x00ff27".utf8)) == [0x00, 0xFF, 0x27])
        #expect(ByteaInput.decode(Array("a\\\\b\\001".utf8)) == [0x61, 0x5C, 0x62, 0x01])
        #expect(ByteaInput.decode(Array("\\x0g".utf8)) == nil)
        #expect(ByteaInput.decode(Array("trailing\\".utf8)) == nil)
        #expect(ByteaInput.decode(Array("\\400".utf8)) == nil)
    }

    /// A CR LF inside a string literal is two bytes of the value (pg_dump --inserts writes them
    /// raw; the line reader used to drop the CR), while a dump saved with CRLF endings still
    /// reads: its line-end CRs are not values, not COPY data, not an open statement.
    @Test func carriageReturnsInsideAndAtTheEndOfLines() throws {
        let production = "/var/backups/db/crlf.pg.sql"
        let dump = [
            "-- PostgreSQL database dump", "CREATE TABLE public.t (id integer NOT NULL, body text);",
            "INSERT INTO public.t VALUES (1, 'one", "two');", "COPY public.t (id, body) FROM stdin;", "2\tthree",
            "\\.", "-- PostgreSQL database dump complete", "",
        ].joined(separator: "\r\n")
        let entry = """
                  - dump: \(production)
                    tables: { t: { rows: 2 } }
                    assert:
                      - { name: crlf kept, sql: "SELECT hex(body) FROM t WHERE id = 1", equals: 6F6E650D0A74776F }
                      - { name: line end dropped, sql: "SELECT body FROM t WHERE id = 2", equals: three }
            """
        let (result, checks) = try Self.verify([production: Array(dump.utf8)], entry: entry)
        #expect(result.code == 0, "\(result.all)")
        #expect(checks.filter { $0.value.status != .pass }.isEmpty, "\(checks.filter { $0.value.status != .pass })")
    }

    /// Dumps of several databases restore every one of them, in SQLite as `db.table` and in
    /// their own engine as its databases; pg_dumpall's bootstrap role is the one error let by.
    @Test(arguments: [
        ("cluster.pg.sql", "sqlite"), ("cluster.pg.sql", "postgres"), ("two.mariadb.sql", "sqlite"),
        ("two.mariadb.sql", "mariadb"), ("all.mariadb.sql", "sqlite"), ("all.mariadb.sql", "mariadb"),
    ])
    func everyDatabaseOfADumpOfSeveralArrives(_ file: String, _ target: String) throws {
        let production = "/var/backups/db/\(file)"
        let entry = """
                  - dump: \(production)
                    target: \(target)
                    databases: [shop, blog]
                    tables:
                      shop.customers: { rows: 12 }
                      shop.order_items: { rows: 40 }
                      blog.posts: { rows: 3 }
                      wp_users: { rows: 2 }
            """
        let (result, checks) = try Self.verify([production: Self.bytes(file)], entry: entry)
        #expect(result.code == 0, "\(result.all)")
        // MariaDB's `mysql.user` is a view, which SQLite does not carry: a warning, not a failure.
        let problems = checks.filter { $0.value.status == .fail || $0.value.status == .error }
        #expect(problems.isEmpty, "\(problems)")
        #expect(checks["tables \(production)"]?.status == .pass)
        #expect(result.out.contains("\(file) (") && !result.out.contains(" 1 table,"), "\(result.out)")
    }

    @Test func aDatabaseTheDumpDoesNotHoldFailsNamingIt() throws {
        let production = "/var/backups/db/two.sql"
        let (result, checks) = try Self.verify(
            [production: Self.bytes("two.mariadb.sql")],
            entry: "      - dump: \(production)\n        databases: [shop, wiki]")
        #expect(result.code == 1, "\(result.all)")
        let tables = checks["tables \(production)"]
        #expect(tables?.offenders.map(\.name) == ["wiki"], "\(checks)")
    }

    /// The bytes of the second database arrive too (SQLite names the table `blog.posts`).
    @Test func aClusterDumpKeepsEachDatabasesBytes() throws {
        let production = "/var/backups/db/cluster.sql"
        let entry = """
                  - dump: \(production)
                    assert:
                      - { name: blog bytes, sql: "SELECT hex(body) FROM \\"blog.posts\\" WHERE id = 1", equals: 00FF27 }
            """
        let (result, checks) = try Self.verify([production: Self.bytes("cluster.pg.sql")], entry: entry)
        #expect(result.code == 0, "\(result.all)")
        #expect(checks["assert \(production): blog bytes"]?.status == .pass, "\(checks)")
    }

    /// The files of the `-Fd` directory fixture at `production`.
    static func directory(at production: String) throws -> [String: [UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(forms)/shop.pg.dir")
        return Dictionary(uniqueKeysWithValues: names.map { ("\(production)/\($0)", bytes("shop.pg.dir/\($0)")) })
    }

    /// Every pg_dump archive form, recognised by its bytes, restores through pg_restore into
    /// both targets with the shop's counts and pinned bytes, and is named as what it is.
    @Test(arguments: [
        ("shop.pg.tar", "sqlite", "pg_dump -Ft"), ("shop.pg.tar", "postgres", "pg_dump -Ft"),
        ("shop.pg.dir", "sqlite", "pg_dump -Fd"), ("shop.pg.dir", "postgres", "pg_dump -Fd"),
        ("shop.pg.dump.gz", "sqlite", "pg_dump -Fc"), ("shop.pg.dump.gz", "postgres", "pg_dump -Fc"),
    ])
    func everyPgDumpFormRestores(_ file: String, _ target: String, _ form: String) throws {
        let production = "/var/backups/db/\(file)"
        let files = file.hasSuffix(".dir") ? try Self.directory(at: production) : [production: Self.bytes(file)]
        let (result, checks) = try Self.verify(files, entry: ShopDumpTests.entry(production, target: target))
        #expect(result.code == 0, "\(result.all)")
        #expect(checks.filter { $0.value.status != .pass }.isEmpty, "\(checks.filter { $0.value.status != .pass })")
        #expect(result.out.contains(form), "\(result.out)")
    }

    /// A directory that is no -Fd archive, or one holding a link, is named as such and not read.
    @Test func aDirectoryThatIsNoSafeArchiveIsRefusedNamingWhy() throws {
        let production = "/var/backups/db/shop.pg.dir"
        var files = try Self.directory(at: production)
        files[production + "/toc.dat"] = Array("not a toc".utf8)
        let (result, checks) = try Self.verify(files, entry: "      - dump: \(production)")
        #expect(result.code == 1, "\(result.all)")
        #expect(checks["import \(production)"]?.message.contains("not a pg_dump -Fd archive") == true, "\(checks)")
    }
}
