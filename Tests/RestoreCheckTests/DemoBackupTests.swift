import Foundation
import RestoreCheck
import Testing

/// The demo backup as a new user meets it: it verifies; a copy tampered with in one way fails
/// and names the file.
@Suite struct DemoBackupTests {
    @Test func demoPlanVerifiesAndReportsAreValid() throws {
        let work = TestEnvironment.scratch("demo")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", TestEnvironment.demoNow], reports: work)
        #expect(result.code == 0, "\(result.all)")
        #expect(result.out.contains("verdict: PASS"))
        let lint = TestEnvironment.shell(
            "xmllint --noout --schema '\(TestEnvironment.schema)' "
                + "'\(TestEnvironment.latestReport(work, "junit.xml"))' 2>&1"
        )
        #expect(lint.code == 0, "\(lint.all)")
        // Durations are measured: every suite took time, and so did the cases (a real clock).
        let junit = try String(contentsOfFile: TestEnvironment.latestReport(work, "junit.xml"), encoding: .utf8)
        let suites = junit.matches(of: #/<testsuite name="[^"]+"[^>]* time="([0-9.]+)"/#).map { Double($0.1) ?? 0 }
        let cases = junit.matches(of: #/<testcase [^>]* time="([0-9.]+)"/#).map { Double($0.1) ?? 0 }
        #expect(suites.count == 4 && suites.allSatisfy { $0 > 0 }, "\(suites)")
        #expect(cases.count == 69 && cases.filter { $0 > 0 }.count > 60, "\(cases)")
        let report = try #require(TestEnvironment.report(TestEnvironment.latestReport(work)))
        #expect(report.verdict == .pass)
        let checks = report.sets.flatMap(\.checks)
        #expect(checks.contains { $0.name == "checksums" && $0.status == .pass })
        #expect(checks.contains { $0.name == "expect /var/www/html/wp-config.php owner" && $0.status == .pass })
    }

    @Test(arguments: [
        "demo-2026-11-22.cpio", "demo-2026-11-23.zip", "demo-2026-11-24.tar.xz", "demo-2026-11-25.tar.zst",
        "demo-2026-11-26.tar.gz",
    ])
    func everyFormatPassesAgainstBothMtreeForms(_ name: String) {
        let work = TestEnvironment.scratch("formats")
        defer { TestEnvironment.remove(work) }
        for spec in ["tree.bsdtar.mtree", "tree.netbsd.mtree"] {
            let result = TestEnvironment.verify(
                [
                    "--archive", TestEnvironment.fixtures + "/backups/" + name,
                    "--manifest", TestEnvironment.fixtures + "/" + spec,
                ], reports: work)
            #expect(result.code == 0, "\(name) with \(spec): \(result.all)")
        }
    }

    /// A copy of the demo with `change` applied must fail, naming `names`.
    private func tampered(_ change: String, expectFailure names: [String]) throws {
        let work = TestEnvironment.scratch("tamper")
        defer { TestEnvironment.remove(work) }
        let result = try DemoCopy.verify(after: change, in: work)
        #expect(result.code == 1, "\(result.all)")
        for name in names { #expect(result.out.contains(name), "output does not name \(name): \(result.out)") }
    }

    @Test func changedContentFailsChecksums() throws {
        try tampered(
            "echo '// injected' >> var/www/html/index.php", expectFailure: ["checksums", "var/www/html/index.php"])
    }

    @Test func changedModeFailsTheModeRule() throws {
        try tampered(
            "chmod 0644 var/www/html/wp-config.php", expectFailure: ["expect /var/www/html/wp-config.php mode", "0644"])
    }

    @Test func missingFileFails() throws {
        try tampered("rm var/www/html/index.php", expectFailure: ["expect /var/www/html/index.php exists", "missing"])
    }

    @Test func retargetedSymlinkFails() throws {
        try tampered(
            "ln -sfn ../sites-available/default etc/nginx/sites-enabled/example.com",
            expectFailure: ["expect /etc/nginx/sites-enabled/example.com target"])
    }
}
