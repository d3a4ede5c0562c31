import Foundation
import RestoreCheck
import Testing

/// `restorecheck diff`: the demo backup against its own unpacked tree, then against a live
/// tree with exactly four changes.
@Suite struct DiffTests {
    private func unpackDemo(_ work: String) -> String {
        let live = work + "/live"
        TestEnvironment.shell(
            "mkdir -p '\(live)' && tar -xzpf '\(TestEnvironment.demoArchive)' -C '\(live)' --same-owner --numeric-owner"
        )
        return live
    }

    private func diff(_ arguments: [String], work: String) -> (TestEnvironment.Result, [String: CheckResult]) {
        let result = TestEnvironment.run(
            TestEnvironment.binary, ["diff"] + arguments + ["--report-dir", work + "/r", "--scratch", work + "/s"])
        var checks: [String: CheckResult] = [:]
        for check in TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work + "/r")))
        where check.phase == .diff {
            checks[check.name] = check
        }
        return (result, checks)
    }

    private func offenders(_ check: CheckResult?) -> [String] {
        (check?.offenders ?? []).map(\.name)
    }

    @Test func theBackupMatchesItsOwnTree() {
        let work = TestEnvironment.scratch("diff-same")
        defer { TestEnvironment.remove(work) }
        let live = unpackDemo(work)
        let (result, checks) = diff([TestEnvironment.demoArchive, "--live", live], work: work)
        #expect(result.code == 0, "\(result.all)")
        #expect(checks.count == 5 && checks.values.allSatisfy { $0.status == .pass }, "\(checks)")
    }

    @Test func reportsExactlyTheFourChanges() {
        let work = TestEnvironment.scratch("diff-four")
        defer { TestEnvironment.remove(work) }
        let live = unpackDemo(work)
        TestEnvironment.shell(
            """
            cd '\(live)' && echo '// changed' >> var/www/html/index.php && rm var/www/html/robots.txt \
            && echo new > var/www/html/new.txt && chmod 0600 etc/nginx/nginx.conf \
            && mkdir -p var/cache/app && echo cached > var/cache/app/entry
            """)
        let (result, checks) = diff([TestEnvironment.demoArchive, "--live", live], work: work)
        #expect(result.code == 1, "\(result.all)")
        #expect(offenders(checks["only in backup"]) == ["/var/www/html/robots.txt"])
        #expect(
            Set(offenders(checks["only live"])) == [
                "/var/www/html/new.txt", "/var/cache", "/var/cache/app", "/var/cache/app/entry",
            ])
        #expect(offenders(checks["content"]) == ["/var/www/html/index.php"])
        #expect(offenders(checks["metadata"]) == ["/etc/nginx/nginx.conf"])

        let (ignored, quiet) = diff(
            [
                TestEnvironment.demoArchive, "--live", live, "--ignore", "/var/cache",
                "--ignore", "var/www/html/*.txt", "--ignore", "/var/www/html/index.php",
                "--ignore", "/etc/nginx/nginx.conf",
            ], work: work)
        #expect(ignored.code == 0, "\(ignored.all)")
        #expect(quiet.values.allSatisfy { $0.status == .pass }, "\(quiet)")
    }

    @Test func aSubTreeArchiveComparesWithPrefix() {
        let work = TestEnvironment.scratch("diff-prefix")
        defer { TestEnvironment.remove(work) }
        let live = unpackDemo(work)
        let archive = work + "/www.tar"
        TestEnvironment.shell("tar -cf '\(archive)' -C '\(live)/var/www' .")
        let (same, _) = diff([archive, "--live", live + "/var/www", "--prefix", "/var/www"], work: work)
        #expect(same.code == 0, "\(same.all)")
        TestEnvironment.shell("rm '\(live)/var/www/html/wp-login.php'")
        let (changed, checks) = diff([archive, "--live", live + "/var/www", "--prefix", "/var/www"], work: work)
        #expect(changed.code == 1)
        #expect(offenders(checks["only in backup"]) == ["/var/www/html/wp-login.php"])
    }

    /// A file written to while the diff runs is reported as changing (a warning), not as a
    /// content difference with no explanation.
    @Test func aFileBeingWrittenIsReportedAsChanging() throws {
        let work = TestEnvironment.scratch("diff-live")
        defer { TestEnvironment.remove(work) }
        let live = unpackDemo(work)
        let log = live + "/var/www/html/robots.txt"
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/bash")
        // Small appends with no pause, for as long as the test runs (a few hundred KB a second).
        writer.arguments = ["-c", "while :; do echo x >> '\(log)'; done"]
        try writer.run()
        let writerPID = writer.processIdentifier
        try #require(writerPID > 0, "the writer did not start")
        defer {
            kill(writerPID, SIGKILL)
            writer.waitUntilExit()
        }
        usleep(200_000)
        // A busy machine may not schedule the writer inside the comparison's window; a few
        // tries make the observation certain without weakening what is observed.
        var checks: [String: CheckResult] = [:]
        for _ in 0..<5 {
            (_, checks) = diff([TestEnvironment.demoArchive, "--live", live], work: work)
            if offenders(checks["changing"]).contains("/var/www/html/robots.txt") { break }
        }
        #expect(offenders(checks["changing"]).contains("/var/www/html/robots.txt"), "\(checks)")
        #expect(checks["changing"]?.status == .warn)
        #expect(!offenders(checks["content"]).contains("/var/www/html/robots.txt"))
    }

    /// What a person about to migrate acts on: the changed lines of a config, owners by name,
    /// a secret's lines never shown, every difference with -v, and a summary first.
    @Test func aChangedConfigShowsItsLinesAndVerboseListsEverything() throws {
        let work = TestEnvironment.scratch("diff-lines")
        defer { TestEnvironment.remove(work) }
        let live = unpackDemo(work)
        TestEnvironment.shell(
            """
            cd '\(live)' && sed -i 's/worker_processes .*/worker_processes 8;/' etc/nginx/nginx.conf \
            && echo "define('DB_PASSWORD', 'n3w-s3cret!');" >> var/www/html/wp-config.php \
            && chown 0:0 var/www/html/index.php \
            && for i in $(seq 1 30); do echo $i > var/www/html/extra-$i.txt; done
            """)
        let (result, checks) = diff([TestEnvironment.demoArchive, "--live", live, "-v"], work: work)
        #expect(result.code == 1, "\(result.all)")
        let config = checks["content"]?.offenders.first { $0.name == "/etc/nginx/nginx.conf" }?.reason ?? ""
        #expect(config.contains("- worker_processes") && config.contains("+ worker_processes 8;"), "\(config)")
        let secret = checks["content"]?.offenders.first { $0.name.hasSuffix("wp-config.php") }?.reason ?? ""
        #expect(secret.contains("a secret: its lines are not shown") && !secret.contains("n3w-s3cret"), "\(secret)")
        let owner = checks["metadata"]?.offenders.first { $0.name.hasSuffix("/index.php") }?.reason ?? ""
        #expect(owner.contains("www-data(33):www-data(33) in the backup, root(0):root(0) live"), "\(owner)")
        #expect(checks["only live"]?.offenders.count == 30, "every difference is kept")
        #expect(result.out.contains("extra-30.txt"), "-v lists every difference")
        #expect(result.out.contains("differences: ") && result.out.contains("most under /var/www/html"))
        let history = TestEnvironment.run(
            TestEnvironment.binary, ["history", "--diffs", "--report-dir", work + "/r"])
        #expect(history.out.contains("FAIL"), "\(history.all)")
    }

    /// `--prefix` compares one sub-tree of a whole-server archive with a live sub-tree.
    @Test func prefixComparesOneSubTreeOfAWholeArchive() {
        let work = TestEnvironment.scratch("diff-subtree")
        defer { TestEnvironment.remove(work) }
        let live = unpackDemo(work)
        TestEnvironment.shell("echo changed >> '\(live)/etc/nginx/nginx.conf'")
        let (same, checks) = diff(
            [TestEnvironment.demoArchive, "--live", live + "/var/www", "--prefix", "/var/www"], work: work)
        #expect(same.code == 0, "only /var/www is compared: \(same.all)")
        #expect(checks["only in backup"]?.status == .pass)
    }
}
