import Foundation
import RestoreCheck
import Testing

/// Every preset passes on the demo backup and fails on a copy damaged the way servers break.
@Suite struct PresetTests {
    static let presetChecks = [
        "preset wordpress /var/www/html core", "preset wordpress /var/www/html wp-config",
        "preset wordpress /var/www/html uploads", "preset wordpress /var/www/html database",
        "preset maildir /var/mail/vhosts folders", "preset maildir /var/mail/vhosts messages",
        "preset media /var/www/html/wp-content/uploads/** content", "preset database-dumps /var/backups",
        "preset config /etc/nginx/nginx.conf, /etc/nginx/sites-available/example.com, /var/www/html/wp-config.php",
    ]

    @Test func everyPresetPassesOnTheDemo() throws {
        let work = TestEnvironment.scratch("presets")
        defer { TestEnvironment.remove(work) }
        let result = try DemoCopy.verify(after: "true", in: work)
        #expect(result.code == 0, "\(result.all)")
        let checks = DemoCopy.checks(work)
        for name in Self.presetChecks {
            #expect(checks[name]?.status == .pass, "\(name): \(String(describing: checks[name]))")
        }
    }

    private func failing(_ change: String, _ expected: [String]) throws {
        let work = TestEnvironment.scratch("preset-fail")
        defer { TestEnvironment.remove(work) }
        let result = try DemoCopy.verify(after: change, in: work)
        #expect(result.code == 1, "\(result.all)")
        let checks = DemoCopy.checks(work)
        for name in expected {
            #expect(checks[name]?.status == .fail, "\(name): \(String(describing: checks[name]))")
        }
    }

    @Test func aMaildirWithoutNewFails() throws {
        try failing("rm -r var/mail/vhosts/example.com/alice/new", ["preset maildir /var/mail/vhosts folders"])
    }

    @Test func aMessageThatIsNotMailFails() throws {
        try failing(
            "printf 'no headers here\\n' > 'var/mail/vhosts/example.com/alice/cur/1764064861.M1P1.mail:2,S'",
            ["preset maildir /var/mail/vhosts messages"])
    }

    @Test func aJPEGOfZerosFails() throws {
        try failing(
            "head -c 2048 /dev/zero > var/www/html/wp-content/uploads/2026/11/photo-3.jpg",
            ["preset media /var/www/html/wp-content/uploads/** content"])
    }

    @Test func aPNGNamedJPEGFails() throws {
        try failing(
            "cp var/www/html/wp-content/uploads/2026/11/logo-1.png var/www/html/wp-content/uploads/2026/11/photo-1.jpg",
            ["preset media /var/www/html/wp-content/uploads/** content"])
    }

    @Test func aWorldReadableWpConfigFails() throws {
        try failing("chmod 0644 var/www/html/wp-config.php", ["preset wordpress /var/www/html wp-config"])
    }

    @Test func missingCoreAndLooseConfigFail() throws {
        try failing(
            "rm var/www/html/wp-settings.php; chmod 0666 etc/nginx/nginx.conf",
            [
                "preset wordpress /var/www/html core",
                "preset config /etc/nginx/nginx.conf, /etc/nginx/sites-available/example.com, "
                    + "/var/www/html/wp-config.php",
            ])
    }

    @Test func aTruncatedDumpFailsDatabaseDumps() throws {
        try failing(
            "gzip -dc var/backups/db/shop.sql.gz | head -c 6000 | gzip -9n > x && mv x var/backups/db/shop.sql.gz",
            ["preset database-dumps /var/backups"])
    }
}

/// The config preset judges the file a link chain ends at inside the backup (Debian keeps
/// config behind alternatives), and names a link that dangles, leaves the tree or loops.
@Suite struct ConfigLinkTests {
    /// Debian's MariaDB config as it stands in /etc: a file behind an alternatives link.
    private func etc(in work: String) -> ArchiveBuilder {
        ArchiveBuilder(work + "/etc.tar")
            .directory("etc").directory("etc/mysql").directory("etc/alternatives")
            .file("etc/mysql/mariadb.cnf", "[mysqld]\n", mode: 0o644)
            .symlink("etc/alternatives/my.cnf", to: "/etc/mysql/mariadb.cnf")
            .symlink("etc/mysql/my.cnf", to: "/etc/alternatives/my.cnf")
    }

    private func verify(_ paths: [String]) throws -> [CheckResult] {
        let work = TestEnvironment.scratch("links")
        defer { TestEnvironment.remove(work) }
        let archive = etc(in: work)
            .symlink("etc/mysql/relative.cnf", to: "../alternatives/my.cnf")
            .symlink("etc/mysql/gone.cnf", to: "/etc/mysql/nowhere.cnf")
            .symlink("etc/mysql/out.cnf", to: "../../../../etc/passwd")
            .symlink("etc/mysql/a.cnf", to: "b.cnf").symlink("etc/mysql/b.cnf", to: "a.cnf")
        archive.close()
        let plan = """
            sets:
              - name: links
                source: { archive: \(archive.path) }
                expect:
                  - preset: config
                    paths: [\(paths.joined(separator: ", "))]
                    mode: "0644"
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        return TestEnvironment.checks(inReport: TestEnvironment.latestReport(work + "/r"))
            .filter { $0.name.hasPrefix("preset config") }
    }

    @Test func aChainOfLinksIsFollowedToItsFile() throws {
        let config = try #require(try verify(["/etc/mysql/my.cnf", "/etc/mysql/relative.cnf"]).first)
        #expect(config.status == .pass, "\(config)")
        #expect(
            config.message.contains("/etc/mysql/my.cnf → /etc/alternatives/my.cnf → /etc/mysql/mariadb.cnf"),
            "\(config.message)")
    }

    @Test func aLinkThatDanglesLeavesOrLoopsIsNamed() throws {
        let config = try #require(
            try verify(["/etc/mysql/gone.cnf", "/etc/mysql/out.cnf", "/etc/mysql/a.cnf"]).first)
        #expect(config.status == .fail)
        let reasons = config.offenders.map(\.reason)
        #expect(reasons.contains { $0.contains("dangles") }, "\(reasons)")
        #expect(reasons.contains { $0.contains("leaves the backup's tree") }, "\(reasons)")
        #expect(reasons.contains { $0.contains("loops") }, "\(reasons)")
    }

    /// An `expect` rule on a path that is a link judges the file the chain ends at, unless it
    /// asks about the link itself (`type: symlink`, `target:`).
    @Test func anExpectRuleOnALinkJudgesItsFile() throws {
        let work = TestEnvironment.scratch("expect-link")
        defer { TestEnvironment.remove(work) }
        let archive = etc(in: work)
        archive.close()
        let plan = """
            sets:
              - name: links
                source: { archive: \(archive.path) }
                expect:
                  - { path: /etc/mysql/my.cnf, type: file, mode: "0644", contains: mysqld }
                  - { path: /etc/mysql/my.cnf, type: symlink, target: /etc/alternatives/my.cnf }
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let expects = TestEnvironment.checks(inReport: TestEnvironment.latestReport(work + "/r"))
            .filter { $0.name.hasPrefix("expect") }
        #expect(expects.count == 7 && expects.allSatisfy { $0.status == .pass }, "\(expects)")
    }
}
