import Foundation
import RestoreCheck
import Testing

/// The shop dumps in Fixtures/dumps, made by real MariaDB, PostgreSQL and SQLite servers
/// (Fixtures/make-dumps.sh): binary images, quotes, backslashes, newlines, emoji and
/// SQL-looking text must arrive byte for byte in the default SQLite target.
@Suite struct ShopDumpTests {
    static let files = ["shop.mariadb.sql", "shop.pg.sql", "shop.pg.dump", "shop.sqlite.sql"]

    /// What every restore of the shop must show; the hashes are of the values the load script wrote.
    static func entry(_ production: String, target: String = "sqlite") -> String {
        """
              - dump: \(production)
                target: \(target)
                tables: { customers: { rows: 12 }, products: { rows: 6 }, orders: { rows: 20 }, order_items: { rows: \
                40 }, options: { min_rows: 10 } }
                assert:
                  - { name: png image, sql: "SELECT image FROM products WHERE id = 1", sha256: \
                  3b79bc4d675f82d94deeaad8aad523029b5b46d9973cae8e39b5484bb4c6c14b }
                  - { name: awkward bytes, sql: "SELECT image FROM products WHERE id = 2", sha256: \
                  b51dfc45312958c139a07c3431a4970ee2403fa26f49e0fd303ff71dc9af293e }
                  - { name: quotes and emoji, sql: "SELECT value FROM options WHERE name = 'greeting'", sha256: \
                  0ac22d7390ad0dd45f438c324fe38410d4caa593da6c16b4d11cc2fa30ec2606 }
                  - { name: newlines and tab, sql: "SELECT value FROM options WHERE name = 'multiline'", sha256: \
                  619dfda847fc77aaf2157d313a539f3b00f095ee46bf45d9eb9b83e43b420fff }
                  - { name: backslashes, sql: "SELECT value FROM options WHERE name = 'windows_path'", equals: \
                  'C:\\shop\\new\\table' }
                  - { name: sql lookalike, sql: "SELECT value FROM options WHERE name = 'sql_lookalike'",
                      equals: "'); DROP TABLE customers; --" }
                  - { name: empty string is not NULL, sql: "SELECT count(*) FROM options WHERE value = ''", equals: 1 }
                  - { name: order total, sql: "SELECT sum(total) FROM orders", equals: 1273.98, tolerance: 0.005 }
                  - { name: blob bytes, sql: "SELECT sum(length(image)) FROM products", equals: 244 }
                fresh: { sql: "SELECT max(created_at) FROM orders", max_age: 2d }
        """
    }

    @Test(arguments: files)
    func restoresByteExactIntoSQLite(_ file: String) throws {
        let work = TestEnvironment.scratch("shop")
        defer { TestEnvironment.remove(work) }
        let production = "/var/backups/db/\(file)"
        let archive = DumpFixture.archive([production: DumpFixture.bytes("\(DumpFixture.shopDumps)/\(file)")], in: work)
        try DumpFixture.plan(archive: archive, entries: [Self.entry(production)]).write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify(
            [work + "/plan.yml", "--now", TestEnvironment.demoNow], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let checks = DumpFixture.dbChecks(work + "/r")
        #expect(checks.count == 14, "\(checks.keys.sorted())")
        let notPassed = checks.filter { $0.value.status != .pass }
        #expect(notPassed.isEmpty, "\(notPassed)")
    }

    @Test func theMariaDBDumpIsNotUTF8() {
        let bytes = DumpFixture.bytes("\(DumpFixture.shopDumps)/shop.mariadb.sql")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    /// With no `databases:` in the plan, every dump in the tree is found, restored and counted.
    @Test func findsDumpsWithoutAPlan() throws {
        let work = TestEnvironment.scratch("auto")
        defer { TestEnvironment.remove(work) }
        var files: [String: [UInt8]] = [:]
        for file in Self.files {
            files["/var/backups/db/\(file)"] = DumpFixture.bytes("\(DumpFixture.shopDumps)/\(file)")
        }
        files["/var/www/html/notes.sql"] = Array("this is not SQL at all\n".utf8)
        let archive = DumpFixture.archive(files, in: work)
        let result = TestEnvironment.verify(["--archive", archive], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let databases = TestEnvironment.report(TestEnvironment.latestReport(work + "/r"))?.sets.first?.databases ?? []
        #expect(databases.count == 4)
        for database in databases {
            #expect(database.tables.first { $0.name == "order_items" }?.rows == 40, "\(database)")
        }
        #expect(result.out.contains("customers 12"))
    }
}
