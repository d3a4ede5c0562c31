import Foundation
import RestoreCheck
import Testing

/// The ways dumps really fail: cut short mid-INSERT or mid-COPY, a truncated custom archive,
/// a syntax error, rows missing. Each turns `verify` to exit 1 and names the dump.
@Suite struct DamagedDumpTests {
    let datasets = DumpFixture.datasets

    private func run(_ name: String, _ bytes: [UInt8], tables: String? = nil) throws -> (
        TestEnvironment.Result, [String: CheckResult]
    ) {
        let work = TestEnvironment.scratch("dmg")
        defer { TestEnvironment.remove(work) }
        let production = "/var/backups/db/\(name)"
        let archive = DumpFixture.archive([production: bytes], in: work)
        var entry = "      - dump: \(production)"
        if let tables { entry += "\n        tables: \(tables)" }
        try DumpFixture.plan(archive: archive, entries: [entry]).write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        return (result, DumpFixture.dbChecks(work + "/r"))
    }

    private func status(_ checks: [String: CheckResult], _ name: String) -> String? { checks[name]?.status.rawValue }
    private func message(_ checks: [String: CheckResult], _ name: String) -> String { (checks[name]?.message) ?? "" }

    @Test func mysqlDumpCutMidInsert() throws {
        let whole = DumpFixture.bytes("\(datasets)/chinook/chinook.mariadb.sql")
        let (result, checks) = try run("cut.sql", Array(whole.prefix(300_000)))
        #expect(result.code == 1)
        #expect(status(checks, "complete /var/backups/db/cut.sql") == "fail")
        #expect(message(checks, "import /var/backups/db/cut.sql").contains("/var/backups/db/cut.sql:"), "\(checks)")
        #expect(message(checks, "import /var/backups/db/cut.sql").contains("cut short"))
    }

    @Test func postgresDumpCutMidCopy() throws {
        let whole = String(decoding: DumpFixture.bytes("\(datasets)/chinook/chinook.pg.sql"), as: UTF8.self)
        let cut = whole.components(separatedBy: "\n").prefix(9000).joined(separator: "\n") + "\n"
        let (result, checks) = try run("cut.pg.sql", Array(cut.utf8))
        #expect(result.code == 1)
        #expect(status(checks, "complete /var/backups/db/cut.pg.sql") == "fail")
        #expect(message(checks, "import /var/backups/db/cut.pg.sql").contains("inside the COPY data"), "\(checks)")
    }

    @Test func truncatedCustomArchive() throws {
        let whole = DumpFixture.bytes("\(datasets)/pagila/pagila.pg.dump")
        let (result, checks) = try run("trunc.dump", Array(whole.prefix(whole.count / 2)))
        #expect(result.code == 1, "\(result.all)")
        #expect(status(checks, "import /var/backups/db/trunc.dump") == "fail")
        #expect(message(checks, "import /var/backups/db/trunc.dump").contains("pg_restore"), "\(checks)")
    }

    @Test func syntaxErrorNamesItsLine() throws {
        var lines = String(decoding: DumpFixture.bytes("\(datasets)/chinook/chinook.sqlite.sql"), as: UTF8.self)
            .components(separatedBy: "\n")
        let target = try #require(lines.firstIndex { $0.hasPrefix("CREATE TABLE [Genre]") })
        lines[target] = lines[target].replacingOccurrences(of: "CREATE TABLE", with: "CREATE TABEL")
        let (result, checks) = try run("syntax.sql", Array(lines.joined(separator: "\n").utf8))
        #expect(result.code == 1)
        let text = message(checks, "import /var/backups/db/syntax.sql")
        #expect(text.contains("syntax.sql:\(target + 1):") && text.contains("syntax error"), "\(text)")
    }

    @Test func fiveRowsFewerThanThePlanRequires() throws {
        let lines = String(decoding: DumpFixture.bytes("\(datasets)/chinook/chinook.sqlite.sql"), as: UTF8.self)
            .components(separatedBy: "\n")
        let fewer = lines.filter { !$0.hasPrefix("INSERT INTO Artist VALUES(27") } // 270…275 and 27
        let removed = lines.count - fewer.count
        #expect(removed >= 5)
        let (result, checks) = try run(
            "fewer.sql", Array(fewer.joined(separator: "\n").utf8), tables: "{ Artist: { rows: 275 } }")
        #expect(result.code == 1)
        #expect(status(checks, "tables /var/backups/db/fewer.sql") == "fail")
        #expect(result.out.contains("Artist: \(275 - removed) rows, the plan expects exactly 275"), "\(result.out)")
    }

    @Test func trailerTextInsideAValueDoesNotCount() throws {
        let dump = """
            -- MariaDB dump 10.19
            CREATE TABLE `notes` (`id` int(11) NOT NULL, `body` text, PRIMARY KEY (`id`)) ENGINE=InnoDB;
            INSERT INTO `notes` VALUES (1,'ok'),(2,'
            -- Dump completed on 2026-11-26 01:00:00
            """
        let (result, checks) = try run("fake-trailer.sql", Array(dump.utf8))
        #expect(result.code == 1)
        #expect(status(checks, "complete /var/backups/db/fake-trailer.sql") == "fail", "\(checks)")
    }

    @Test func anEmptyDumpFailsWithOrWithoutAPlan() throws {
        let (planned, checks) = try run("empty.sql", [])
        #expect(planned.code == 1)
        #expect(status(checks, "import /var/backups/db/empty.sql") == "fail", "\(checks)")
        let work = TestEnvironment.scratch("emptyauto")
        defer { TestEnvironment.remove(work) }
        let archive = DumpFixture.archive(["/var/backups/db/nightly.sql.gz": []], in: work)
        let found = TestEnvironment.verify(["--archive", archive], reports: work + "/r")
        #expect(found.code == 1, "\(found.all)")
        #expect(found.out.contains("/var/backups/db/nightly.sql.gz is empty"), "\(found.out)")
    }

    @Test func rowsThatCannotBeReadFailTheImport() throws {
        let dump = """
            -- MariaDB dump 10.19
            CREATE TABLE `notes` (`id` int(11) NOT NULL, `body` text, PRIMARY KEY (`id`)) ENGINE=InnoDB;
            INSERT INTO `notes` SET `id` = 1, `body` = 'written another way';
            -- Dump completed on 2026-11-26 01:00:00
            """
        let (result, checks) = try run("set-form.sql", Array(dump.utf8))
        #expect(result.code == 1)
        #expect(status(checks, "import /var/backups/db/set-form.sql") == "fail", "\(checks)")
        #expect(message(checks, "import /var/backups/db/set-form.sql").contains("set-form.sql:3:"))
    }
}

/// A dump line or statement longer than `limits.max_statement_bytes` is not held in memory
/// whole (a 500 MB INSERT line took 2.45 GB): the import cannot be verified (exit 2), naming
/// the line and the setting, and the dump is not called broken.
@Suite struct StatementBoundTests {
    private func run(_ dump: String, limit: String) throws -> (TestEnvironment.Result, [String: CheckResult]) {
        let work = TestEnvironment.scratch("bound")
        defer { TestEnvironment.remove(work) }
        let archive = DumpFixture.archive(["/var/backups/db/big.sql": Array(dump.utf8)], in: work)
        let plan =
            DumpFixture.plan(archive: archive, entries: ["      - dump: /var/backups/db/big.sql"])
            + "    limits: { max_statement_bytes: \(limit) }\n"
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        return (result, DumpFixture.dbChecks(work + "/r"))
    }

    private func rows(_ count: Int) -> String {
        (0..<count).map { "(\($0),'row \($0) with some text to make it longer')" }.joined(separator: ",")
    }

    @Test func anInsertLineLongerThanTheBoundCannotBeVerified() throws {
        let dump = "CREATE TABLE t (id INTEGER, body TEXT);\nINSERT INTO t VALUES \(rows(4000));\n"
        let (result, checks) = try run(dump, limit: "64KiB")
        #expect(result.code == 2, "\(result.all)")
        let message = checks["import /var/backups/db/big.sql"]?.message ?? ""
        #expect(checks["import /var/backups/db/big.sql"]?.status == .error, "\(checks)")
        #expect(message.contains("big.sql:2:") && message.contains("limits.max_statement_bytes"), "\(message)")
        #expect(checks["complete /var/backups/db/big.sql"]?.status == .error)
    }

    @Test func aStatementOverManyLinesIsBoundedToo() throws {
        let many = (0..<4000).map { "(\($0),'row \($0) with some text to make it longer')" }.joined(separator: ",\n")
        let dump = "CREATE TABLE t (id INTEGER, body TEXT);\nINSERT INTO t VALUES\n\(many);\n"
        let (result, checks) = try run(dump, limit: "64KiB")
        #expect(result.code == 2, "\(result.all)")
        #expect(checks["import /var/backups/db/big.sql"]?.message.contains("big.sql:2:") == true, "\(checks)")
    }

    @Test func underTheBoundTheSameDumpImports() throws {
        let head = "BEGIN TRANSACTION;\nCREATE TABLE t (id INTEGER, body TEXT);\n"
        let dump = head + "INSERT INTO t VALUES \(rows(4000));\nCOMMIT;\n"
        let (result, checks) = try run(dump, limit: "1MiB")
        #expect(result.code == 0, "\(result.all)")
        #expect(checks["import /var/backups/db/big.sql"]?.message.contains("4000 rows") == true, "\(checks)")
    }
}
