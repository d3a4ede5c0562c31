import Foundation
import RestoreCheck
import Testing

/// Real dumps of Pagila and Chinook, made by real PostgreSQL 15, MariaDB 10.11 and SQLite 3.40
/// servers (Fixtures/datasets), restored into the default SQLite target: every table's exact
/// row count and every pinned value must arrive.
@Suite struct DatasetDumpTests {
    static let dumps: [(dataset: String, file: String)] = [
        ("pagila", "pagila.pg.sql.gz"), ("pagila", "pagila.pg.dump"),
        ("chinook", "chinook.mariadb.sql"), ("chinook", "chinook.pg.sql"),
        ("chinook", "chinook.pg.dump"), ("chinook", "chinook.sqlite.sql"),
    ]

    @Test(arguments: dumps.map { "\($0.dataset)/\($0.file)" })
    func restoresEveryRowAndPinnedValue(_ relative: String) throws {
        let work = TestEnvironment.scratch("ds")
        defer { TestEnvironment.remove(work) }
        let (dataset, file) = (String(relative.split(separator: "/")[0]), String(relative.split(separator: "/")[1]))
        let production = "/var/backups/db/\(file)"
        let archive = DumpFixture.archive(
            [production: DumpFixture.bytes("\(DumpFixture.datasets)/\(relative)")], in: work)
        try DumpFixture.plan(
            archive: archive, entries: [DumpFixture.planEntry(dataset: dataset, file: file, at: production)]
        )
        .write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let checks = DumpFixture.dbChecks(work + "/r")
        #expect(checks["complete \(production)"]?.status == .pass)
        #expect(checks["tables \(production)"]?.status == .pass, "\(checks)")
        #expect(checks["integrity \(production)"]?.status == .pass, "\(checks)")
        let asserts = checks.filter { $0.key.hasPrefix("assert ") }
        #expect(asserts.count == 6)
        #expect(asserts.values.allSatisfy { $0.status == .pass }, "\(asserts)")
        // Functions, triggers and views that SQLite cannot hold are named, never dropped silently.
        let importCheck = checks["import \(production)"]
        if dataset == "pagila" {
            #expect(importCheck?.status == .warn)
            let message = (importCheck?.message) ?? ""
            #expect(message.contains("15 triggers"), "\(message)")
        } else {
            #expect(importCheck?.status == .pass, "\(String(describing: importCheck))")
        }
    }

    /// The same checks must be able to fail: a plan expecting one row more, or another value,
    /// turns the verdict.
    @Test func aWrongExpectationFails() throws {
        let work = TestEnvironment.scratch("dsfail")
        defer { TestEnvironment.remove(work) }
        let production = "/var/backups/db/chinook.sqlite.sql"
        let archive = DumpFixture.archive(
            [production: DumpFixture.bytes("\(DumpFixture.datasets)/chinook/chinook.sqlite.sql")], in: work)
        let entry = DumpFixture.planEntry(dataset: "chinook", file: "chinook.sqlite.sql", at: production)
            .replacingOccurrences(of: "rows: 3503", with: "rows: 3504")
            .replacingOccurrences(
                of: "a41148e0bb7c1216c93f715963c4bc82c646387660b76e2656d9e1188e85b6d0",
                with: "b41148e0bb7c1216c93f715963c4bc82c646387660b76e2656d9e1188e85b6d0")
        try DumpFixture.plan(archive: archive, entries: [entry]).write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code == 1, "\(result.all)")
        let checks = DumpFixture.dbChecks(work + "/r")
        #expect(checks["tables \(production)"]?.status == .fail)
        #expect(checks["assert \(production): track_238_name_non_ascii"]?.status == .fail)
        #expect(checks["assert \(production): track_244_name_non_ascii_apostrophe"]?.status == .pass)
    }

    /// Pagila's partitioned `payment` reads as the union of its seven partitions.
    @Test func partitionedParentSeesEveryPartitionRow() throws {
        let work = TestEnvironment.scratch("part")
        defer { TestEnvironment.remove(work) }
        let production = "/srv/pagila.sql.gz"
        let archive = DumpFixture.archive(
            [production: DumpFixture.bytes("\(DumpFixture.datasets)/pagila/pagila.pg.sql.gz")], in: work)
        let entry = """
                  - dump: \(production)
                    tables: { payment: { rows: 16049 }, rental: { min_rows: 16000 } }
                    assert:
                      - { name: rating is an enum value, sql: "SELECT rating FROM film WHERE film_id = 1", equals: PG }
                      - { name: language padded, sql: "SELECT length(name) FROM language WHERE language_id = 1", \
                      equals: 20 }
                      - { name: no picture, sql: "SELECT count(*) FROM staff WHERE picture IS NOT NULL", max: 0 }
                    fresh: { sql: "SELECT max(last_update) FROM rental", max_age: 2000d }
            """
        try DumpFixture.plan(archive: archive, entries: [entry]).write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify(
            [work + "/plan.yml", "--now", "2026-11-26T06:00:00Z"], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let checks = DumpFixture.dbChecks(work + "/r")
        #expect(checks.values.filter { $0.status == .pass }.count == checks.count - 1, "\(checks)")
    }
}
