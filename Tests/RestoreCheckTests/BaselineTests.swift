import Foundation
import RestoreCheck
import Testing

/// `restorecheck baseline` on the demo's unpacked tree: the plan it writes verifies the demo
/// backup, fails on damaged copies naming the cause, and its mtree spec is read by NetBSD mtree
/// and by `verify --manifest`.
@Suite struct BaselineTests {
    /// Unpacks the demo (owners kept) and writes a baseline plan and spec from it.
    private func baseline(_ work: String) -> (plan: String, spec: String, result: TestEnvironment.Result) {
        let live = work + "/live"
        TestEnvironment.shell(
            "mkdir -p '\(live)' && tar -xzpf '\(TestEnvironment.demoArchive)' -C '\(live)' --same-owner --numeric-owner"
        )
        let plan = work + "/plan.yml"
        let spec = work + "/tree.mtree"
        let result = TestEnvironment.run(
            TestEnvironment.binary, ["baseline", live, "--out", plan, "--manifest", spec, "--scratch", work + "/s"])
        return (plan, spec, result)
    }

    @Test func thePlanVerifiesTheDemoBackup() throws {
        let work = TestEnvironment.scratch("baseline")
        defer { TestEnvironment.remove(work) }
        let (plan, _, made) = baseline(work)
        #expect(made.code == 0, "\(made.all)")
        let text = (try? String(contentsOfFile: plan, encoding: .utf8)) ?? ""
        for expected in [
            "preset: wordpress", "preset: maildir", "preset: media", "preset: database-dumps", "preset: config",
            "\"/var/www/html/wp-config.php\"", "mode: \"0640\"", "\"wp_posts\": { min_rows: 5 }", "# ",
        ] {
            #expect(text.contains(expected), "plan lacks \(expected):\n\(text)")
        }
        let result = TestEnvironment.verify([plan, "--archive", TestEnvironment.demoArchive], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
    }

    private func failing(_ change: String, naming expected: String) throws {
        let work = TestEnvironment.scratch("baseline-fail")
        defer { TestEnvironment.remove(work) }
        let (plan, _, made) = baseline(work)
        try #require(made.code == 0, "\(made.all)")
        let copy = work + "/copy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let result = try DemoCopy.verify(after: change, in: copy, plan: plan)
        #expect(result.code == 1, "\(result.all)")
        #expect(result.out.contains(expected), "does not name \(expected): \(result.out)")
    }

    @Test func aWorldReadableWpConfigFails() throws {
        try failing("chmod 0644 var/www/html/wp-config.php", naming: "wp-config.php has mode 0644, expected 0640")
    }

    @Test func aRemovedMaildirFails() throws {
        try failing(
            "rm -r var/mail/vhosts/example.com/alice",
            naming: "no Maildir (cur/new/tmp) under /var/mail/vhosts/example.com")
    }

    @Test func aDumpWithATableEmptiedFails() throws {
        try failing(
            "gzip -dc var/backups/db/shop.sql.gz | sed '/^INSERT INTO `wp_posts`/,/;$/d' | gzip -9n > x && mv x "
                + "var/backups/db/shop.sql.gz",
            naming: "wp_posts: 0 rows, the plan expects at least 5")
    }

    @Test func theSpecIsReadByNetBSDMtreeAndByVerify() throws {
        let work = TestEnvironment.scratch("baseline-mtree")
        defer { TestEnvironment.remove(work) }
        let (_, spec, made) = baseline(work)
        try #require(made.code == 0, "\(made.all)")
        let mtree = TestEnvironment.run("/usr/bin/mtree", ["-f", spec, "-p", work + "/live"])
        #expect(mtree.code == 0, "\(mtree.all)")
        let result = TestEnvironment.verify(
            ["--archive", TestEnvironment.demoArchive, "--manifest", spec], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let checks = TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work + "/r")))
        #expect(checks.first { $0.name == "metadata" }?.status == .pass)
        #expect(checks.first { $0.name == "checksums" }?.status == .pass)
        // And the spec is strict: one changed byte in the live tree is caught by mtree.
        TestEnvironment.shell("echo x >> '\(work)/live/var/www/html/index.php'")
        #expect(TestEnvironment.run("/usr/bin/mtree", ["-f", spec, "-p", work + "/live"]).code != 0)
    }
}
