import Foundation
import RestoreCheck
import Testing

/// `target: postgres` and `target: mariadb`: real servers started by restorecheck inside its
/// sandbox (socket only, no TCP port), the same dumps restored faithfully, stopped afterwards.
@Suite(.serialized) struct EngineTargetTests {
    static let datasetDumps: [(dataset: String, file: String, target: String)] = [
        ("pagila", "pagila.pg.sql.gz", "postgres"), ("pagila", "pagila.pg.dump", "postgres"),
        ("chinook", "chinook.pg.sql", "postgres"), ("chinook", "chinook.pg.dump", "postgres"),
        ("chinook", "chinook.mariadb.sql", "mariadb"),
    ]

    /// Database servers started from `work` (this test's scratch directory: other suites run
    /// servers at the same time) that are still running. `ps` (Debian procps) must answer: a
    /// missing or failing `ps` fails the test instead of counting zero.
    private func runningServers(in work: String) -> Int {
        let result = TestEnvironment.run("/bin/ps", ["-eo", "args"])
        guard result.code == 0, !result.out.isEmpty else {
            Issue.record("ps -eo args failed (install Debian's procps): \(result.all)")
            return -1
        }
        let servers = ["/usr/sbin/mariadbd ", "mariadbd "]
        return result.out.split(separator: "\n").filter { line in
            let isServer =
                servers.contains { line.hasPrefix($0) }
                || (line.hasPrefix("/usr/lib/postgresql/") && line.contains("/bin/postgres "))
            return isServer && line.contains(work + "/")
        }.count
    }

    @Test func datasetDumpsRestoreIntoTheirOwnEngine() throws {
        let work = TestEnvironment.scratch("eng")
        defer { TestEnvironment.remove(work) }
        var files: [String: [UInt8]] = [:]
        var entries: [String] = []
        for dump in Self.datasetDumps {
            let production = "/var/backups/db/\(dump.file)"
            files[production] = DumpFixture.bytes("\(DumpFixture.datasets)/\(dump.dataset)/\(dump.file)")
            entries.append(
                DumpFixture.planEntry(dataset: dump.dataset, file: dump.file, at: production, target: dump.target))
        }
        let archive = DumpFixture.archive(files, in: work)
        try DumpFixture.plan(archive: archive, entries: entries).write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let checks = DumpFixture.dbChecks(work + "/r")
        #expect(checks.filter { $0.key.hasPrefix("assert ") }.count == 30)
        let notPassed = checks.filter { $0.value.status != .pass }
        #expect(notPassed.isEmpty, "\(notPassed)")
        #expect(result.out.contains("(gzip postgres → postgres): 21 tables, 49636 rows"), "\(result.out)")
        #expect(result.out.contains("(mysql → mariadb): 11 tables, 15607 rows"))
        #expect(runningServers(in: work) == 0)
    }

    @Test(arguments: [("shop.pg.sql", "postgres"), ("shop.pg.dump", "postgres"), ("shop.mariadb.sql", "mariadb")])
    func shopRestoresByteExact(_ file: String, _ target: String) throws {
        let work = TestEnvironment.scratch("engshop")
        defer { TestEnvironment.remove(work) }
        let production = "/var/backups/db/\(file)"
        let archive = DumpFixture.archive([production: DumpFixture.bytes("\(DumpFixture.shopDumps)/\(file)")], in: work)
        try DumpFixture.plan(archive: archive, entries: [ShopDumpTests.entry(production, target: target)])
            .write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify(
            [work + "/plan.yml", "--now", TestEnvironment.demoNow], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let notPassed = DumpFixture.dbChecks(work + "/r").filter { $0.value.status != .pass }
        #expect(notPassed.isEmpty, "\(notPassed)")
    }

    @Test func aFailingStatementNamesItsLineInTheEngine() throws {
        let work = TestEnvironment.scratch("engbad")
        defer { TestEnvironment.remove(work) }
        var lines = String(decoding: DumpFixture.bytes("\(DumpFixture.shopDumps)/shop.mariadb.sql"), as: UTF8.self)
            .components(separatedBy: "\n")
        let target = lines.firstIndex { $0.hasPrefix("CREATE TABLE `orders`") }!
        lines[target] = "CREATE TABEL `orders` ("
        let production = "/var/backups/db/shop.sql"
        let archive = DumpFixture.archive([production: Array(lines.joined(separator: "\n").utf8)], in: work)
        try DumpFixture.plan(archive: archive, entries: ["      - dump: \(production)\n        target: mariadb"])
            .write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code == 1)
        let message = (DumpFixture.dbChecks(work + "/r")["import \(production)"]?.message) ?? ""
        #expect(message.contains("shop.sql:\(target + 1):") && message.contains("ERROR 1064"), "\(message)")
        #expect(runningServers(in: work) == 0)
    }

    @Test func aMissingEngineIsAnErrorNamingThePackage() throws {
        let work = TestEnvironment.scratch("engmissing")
        defer { TestEnvironment.remove(work) }
        let production = "/var/backups/db/shop.pg.sql"
        let archive = DumpFixture.archive(
            [production: DumpFixture.bytes("\(DumpFixture.shopDumps)/shop.pg.sql")], in: work)
        try DumpFixture.plan(archive: archive, entries: ["      - dump: \(production)\n        target: postgres"])
            .write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify(
            [work + "/plan.yml"], reports: work + "/r", environment: ["RESTORECHECK_TOOL_PATH": work + "/nothing"])
        #expect(result.code == 2, "\(result.all)")
        #expect(result.out.contains("apt-get install postgresql"), "\(result.out)")
    }
}
