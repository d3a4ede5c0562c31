import Foundation
import RestoreCheck
import Testing

/// Exit codes and sources as the README promises them.
@Suite struct CommandLineTests {
    @Test func usageErrorsExit64() {
        let work = TestEnvironment.scratch("usage")
        defer { TestEnvironment.remove(work) }
        #expect(TestEnvironment.verify([], reports: work).code == 64)
        #expect(TestEnvironment.verify(["--archive", "a", "--latest", "b"], reports: work).code == 64)
        #expect(TestEnvironment.verify(["--archive", "a", "--now", "yesterday"], reports: work).code == 64)
    }

    @Test func badPlanExits78NamingKeyAndLine() throws {
        let work = TestEnvironment.scratch("plan")
        defer { TestEnvironment.remove(work) }
        try "sets:\n  - name: x\n    expect:\n      - path: /a\n        colour: red\n".write(
            toFile: work + "/p.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/p.yml"], reports: work)
        #expect(result.code == 78)
        #expect(result.err.contains("p.yml:5") && result.err.contains("colour"), "\(result.err)")
        #expect(TestEnvironment.verify([work + "/missing.yml"], reports: work).code == 78)
    }

    @Test func missingArchiveOrEmptyDirectoryExits2() throws {
        let work = TestEnvironment.scratch("missing")
        defer { TestEnvironment.remove(work) }
        #expect(TestEnvironment.verify(["--archive", work + "/nope.tar"], reports: work + "/r").code == 2)
        try FileManager.default.createDirectory(atPath: work + "/empty", withIntermediateDirectories: true)
        let result = TestEnvironment.verify(["--latest", work + "/empty"], reports: work + "/r")
        #expect(result.code == 2 && result.out.contains("no archive"), "\(result.all)")
    }

    @Test func readsAnArchiveFromStandardInput() {
        let work = TestEnvironment.scratch("stdin")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.verify(["--archive", "-"], reports: work, stdin: TestEnvironment.demoArchive)
        #expect(result.code == 0, "\(result.all)")
        #expect(
            result.out.contains("checksums")
                || TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work)))
                    .contains { $0.name == "checksums" && $0.status == .pass }
        )
    }

    @Test func latestPicksTheNewestAndJudgesItsAge() {
        let work = TestEnvironment.scratch("latest")
        defer { TestEnvironment.remove(work) }
        let stale = TestEnvironment.verify([TestEnvironment.demoPlan, "--now", "2026-11-30T06:00:00Z"], reports: work)
        #expect(
            stale.code == 1 && stale.out.contains("demo-2026-11-26.tar.gz") && stale.out.contains("latest"),
            "\(stale.all)")
    }

    @Test func sidecarMismatchFails() throws {
        let work = TestEnvironment.scratch("sidecar")
        defer { TestEnvironment.remove(work) }
        TestEnvironment.shell(
            "cp '\(TestEnvironment.demoArchive)' '\(work)/a.tar.gz' && echo \"$(printf '0%.0s' $(seq 64))  a.tar.gz\" "
                + "> '\(work)/a.tar.gz.sha256'"
        )
        let result = TestEnvironment.verify(["--archive", work + "/a.tar.gz"], reports: work + "/r")
        #expect(result.code == 1 && result.out.contains("sidecar"), "\(result.all)")
        TestEnvironment.shell("cd '\(work)' && sha256sum a.tar.gz > a.tar.gz.sha256")
        #expect(TestEnvironment.verify(["--archive", work + "/a.tar.gz"], reports: work + "/r").code == 0)
    }

    @Test func sourceArchiveIsNeverChanged() throws {
        let work = TestEnvironment.scratch("readonly")
        defer { TestEnvironment.remove(work) }
        let before = TestEnvironment.shell("sha256sum '\(TestEnvironment.demoArchive)'").out
        TestEnvironment.verify(["--archive", TestEnvironment.demoArchive], reports: work)
        #expect(TestEnvironment.shell("sha256sum '\(TestEnvironment.demoArchive)'").out == before)
    }
}
