import Foundation
import RestoreCheck
import Testing

/// A SQLite database file carried by the backup is checked in place; a pg_dump archive with
/// no pg_restore to read it is an error that says what to install.
@Suite struct SQLiteFileTests {
    private func sqliteFile(in work: String) -> [UInt8] {
        let path = work + "/chinook.db"
        TestEnvironment.shell("sqlite3 -bail '\(path)' < '\(DumpFixture.datasets)/chinook/chinook.sqlite.sql'")
        return DumpFixture.bytes(path)
    }

    @Test func aDatabaseFileIsFoundAndCheckedInPlace() throws {
        let work = TestEnvironment.scratch("sqlitefile")
        defer { TestEnvironment.remove(work) }
        let archive = DumpFixture.archive(["/var/lib/app/chinook.db": sqliteFile(in: work)], in: work)
        let result = TestEnvironment.verify(["--archive", archive], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let checks = DumpFixture.dbChecks(work + "/r")
        #expect(checks["integrity /var/lib/app/chinook.db"]?.status == .pass, "\(checks)")
        #expect(result.out.contains("11 tables, 15607 rows"), "\(result.out)")
    }

    @Test func aDamagedDatabaseFileFailsIntegrity() throws {
        let work = TestEnvironment.scratch("sqlitebad")
        defer { TestEnvironment.remove(work) }
        var bytes = sqliteFile(in: work)
        // Scribble over the middle of the file: b-tree pages, not the header.
        for offset in stride(from: bytes.count / 3, to: bytes.count / 3 + 8192, by: 1) { bytes[offset] = 0x5A }
        let archive = DumpFixture.archive(["/var/lib/app/chinook.db": bytes], in: work)
        let result = TestEnvironment.verify(["--archive", archive], reports: work + "/r")
        #expect(result.code == 1, "\(result.all)")
        let checks = DumpFixture.dbChecks(work + "/r")
        #expect(checks["integrity /var/lib/app/chinook.db"]?.status == .fail, "\(checks)")
    }

    @Test func noPgRestoreIsAnErrorNamingThePackage() throws {
        let work = TestEnvironment.scratch("nopgrestore")
        defer { TestEnvironment.remove(work) }
        let archive = DumpFixture.archive(
            ["/var/backups/shop.dump": DumpFixture.bytes("\(DumpFixture.shopDumps)/shop.pg.dump")], in: work)
        let result = TestEnvironment.verify(
            ["--archive", archive], reports: work + "/r", environment: ["RESTORECHECK_TOOL_PATH": work + "/none"])
        #expect(result.code == 2, "\(result.all)")
        #expect(result.out.contains("apt-get install postgresql-client"), "\(result.out)")
    }
}
