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
