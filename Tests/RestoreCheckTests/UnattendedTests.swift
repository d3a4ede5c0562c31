import Foundation
import Testing

@testable import RestoreCheck

/// Run as systemd runs it (from `/`) or as cron does (from `$HOME`): the reports never land in
/// the current directory by accident, the final line names an absolute path, and `history`
/// from anywhere finds the runs.
@Suite struct UnattendedTests {
    @Test func theReportDirectoryIsChosenInOrderAndAlwaysAbsolute() {
        let variables = [
            "RESTORECHECK_REPORT_DIR": "/srv/reports", "XDG_STATE_HOME": "/home/u/.state", "HOME": "/home/u",
        ]
        #expect(ReportLocation.resolve(flag: "/tmp/r/../x", plan: "/p", variables: variables) == "/tmp/x")
        #expect(ReportLocation.resolve(flag: nil, plan: "/p", variables: variables) == "/srv/reports")
        #expect(ReportLocation.resolve(flag: nil, plan: "/p", variables: ["HOME": "/home/u"]) == "/p")
        let state = ReportLocation.resolve(flag: nil, plan: nil, variables: ["XDG_STATE_HOME": "/home/u/.state"])
        #expect(state == (geteuid() == 0 ? "/var/lib/restorecheck" : "/home/u/.state/restorecheck"))
    }

    @Test func runFromTheRootDirectoryItWritesWhereItIsToldAndSaysWhereAbsolutely() throws {
        let work = TestEnvironment.scratch("unattended")
        defer { TestEnvironment.remove(work) }
        let reports = work + "/reports"
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            ["verify", "--archive", TestEnvironment.demoArchive, "--scratch", work],
            cwd: "/", environment: ["RESTORECHECK_REPORT_DIR": reports])
        #expect(result.code == 0, "\(result.all)")
        #expect(result.out.contains("report: \(reports)/runs/"), "\(result.out)")
        #expect(FileManager.default.fileExists(atPath: reports + "/runs/latest/index.html"))
        #expect(FileManager.default.fileExists(atPath: reports + "/demo-2026-11-26/latest/report.html"))
        #expect(!FileManager.default.fileExists(atPath: "/Reports"))
        let history = TestEnvironment.run(
            TestEnvironment.binary, ["history"], cwd: "/", environment: ["RESTORECHECK_REPORT_DIR": reports])
        #expect(history.out.contains("demo-2026-11-26"), "\(history.all)")
    }

    /// Without a plan the set is named after the archive (`web1-2026-11-26`), so history,
    /// `latest` and metrics would start over each night: `--name` keeps one name, `--max-age`
    /// judges freshness.
    @Test func aRunWithoutAPlanKeepsItsNameAndJudgesItsAge() throws {
        let work = TestEnvironment.scratch("named")
        defer { TestEnvironment.remove(work) }
        let fresh = TestEnvironment.verify(
            [
                "--archive", TestEnvironment.demoArchive, "--name", "web1", "--max-age", "26h", "--now",
                "2026-11-26T06:00:00Z",
            ],
            reports: work + "/r")
        #expect(fresh.code == 0, "\(fresh.all)")
        #expect(FileManager.default.fileExists(atPath: work + "/r/web1/latest/report.json"))
        let stale = TestEnvironment.verify(
            [
                "--archive", TestEnvironment.demoArchive, "--name", "web1", "--max-age", "26h", "--now",
                "2026-12-03T06:00:00Z",
            ],
            reports: work + "/r")
        #expect(stale.code == 1, "\(stale.all)")
        let bad = TestEnvironment.verify(
            ["--archive", TestEnvironment.demoArchive, "--name", ".."], reports: work + "/r")
        #expect(bad.code == 64, "\(bad.all)")
    }

    /// `--set` may be given more than once; a name the plan lacks is a usage error naming it.
    @Test func severalSetsCanBeChosen() throws {
        let work = TestEnvironment.scratch("sets")
        defer { TestEnvironment.remove(work) }
        let plan = ["a", "b", "c"].map { "  - name: \($0)\n    source: { archive: \(TestEnvironment.demoArchive) }" }
        try ("sets:\n" + plan.joined(separator: "\n") + "\n").write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let two = TestEnvironment.verify([work + "/plan.yml", "--set", "a", "--set", "c"], reports: work + "/r")
        #expect(two.code == 0, "\(two.all)")
        #expect(two.out.contains("set a:") && two.out.contains("set c:") && !two.out.contains("set b:"), "\(two.out)")
        let missing = TestEnvironment.verify([work + "/plan.yml", "--set", "a", "--set", "z"], reports: work + "/r")
        #expect(missing.code == 64 && missing.err.contains("'z'"), "\(missing.all)")
    }

    /// `validate` reads a plan as `verify` does and restores nothing: 0 when valid, 78 naming
    /// the line when not; a plan may come on standard input, to `validate` and to `verify`.
    @Test func aPlanIsValidatedWithoutARun() throws {
        let work = TestEnvironment.scratch("validate")
        defer { TestEnvironment.remove(work) }
        let good = TestEnvironment.run(TestEnvironment.binary, ["validate", TestEnvironment.demoPlan])
        #expect(good.code == 0 && good.out.contains("valid: 1 set(s): demo"), "\(good.all)")
        try "sets:\n  - name: a\n    source: { archive: x.tar }\n    max_age: soon\n".write(
            toFile: work + "/bad.yml", atomically: true, encoding: .utf8)
        let bad = TestEnvironment.run(TestEnvironment.binary, ["validate", "-"], stdin: work + "/bad.yml")
        #expect(bad.code == 78 && bad.err.contains("<stdin>:4"), "\(bad.all)")
        try "sets:\n  - name: piped\n    source: { archive: \(TestEnvironment.demoArchive) }\n".write(
            toFile: work + "/piped.yml", atomically: true, encoding: .utf8)
        let piped = TestEnvironment.run(
            TestEnvironment.binary, ["verify", "-", "--report-dir", work + "/r", "--scratch", work],
            stdin: work + "/piped.yml")
        #expect(piped.code == 0 && piped.out.contains("set piped:"), "\(piped.all)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["bad.yml", "piped.yml", "r"])
    }

    /// A plan with five problems in two sets and the reports: one validate run names all five,
    /// each with its line, instead of one per try.
    @Test func validateListsEveryProblemWithItsLine() throws {
        let work = TestEnvironment.scratch("validate-all")
        defer { TestEnvironment.remove(work) }
        let plan = """
            sets:
              - name: a
                max_age: soon
                schedul: daily
                expect:
                  - { path: /etc/x, mode: "999" }
                  - { path: /etc/y }
              - name: b
                retention: { max_shrink: lots }
            reports:
              formats: [junit, pdf]
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.run(TestEnvironment.binary, ["validate", work + "/plan.yml"])
        #expect(result.code == 78, "\(result.all)")
        let lines = result.err.split(separator: "\n").map(String.init)
        for (line, words) in [
            (4, "unknown key 'schedul'"), (3, "max_age"), (6, "`mode`"), (9, "max_shrink"), (11, "pdf"),
        ] {
            #expect(
                lines.contains { $0.contains("plan.yml:\(line): ") && $0.contains(words) }, "\(line): \(result.err)")
        }
        #expect(lines.count == 5 && lines.allSatisfy { $0.hasPrefix("restorecheck: ") }, "\(result.err)")
        #expect(result.out.isEmpty)
    }

    /// A fresh checkout stamps every copy with the same time, so `covers:` fails when the demo
    /// command is typed directly: the message says why, instead of only "0s old".
    @Test func copiesWithTheSameTimeAreExplained() throws {
        let work = TestEnvironment.scratch("same-time")
        defer { TestEnvironment.remove(work) }
        try FileManager.default.copyItem(atPath: TestEnvironment.fixtures, toPath: work + "/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: work + "/demo/backups") {
            try FileManager.default.setAttributes(
                [.modificationDate: Date()], ofItemAtPath: work + "/demo/backups/" + name)
        }
        let result = TestEnvironment.verify(
            [work + "/demo/plan.yml", "--now", TestEnvironment.demoNow], reports: work + "/r")
        #expect(result.code == 1, "\(result.all)")
        #expect(result.out.contains("every copy has the same modification time"), "\(result.out)")
    }

    /// A CI gate wants one JUnit file for the whole run at a fixed path, valid against the
    /// Jenkins schema with case names unique (two rules on one glob used to share one name, and
    /// GitLab kept only the first); `--json -` puts the run on stdout and the summary on stderr.
    @Test func oneJUnitForTheWholeRunAtAFixedPath() throws {
        let work = TestEnvironment.scratch("ci")
        defer { TestEnvironment.remove(work) }
        let plan = RunLevelReportTests.twoSets
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify(
            [work + "/plan.yml", "--junit", work + "/ci/junit.xml", "--json", "-"], reports: work + "/r")
        #expect(result.code == 1, "\(result.all)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect((json?["sets"] as? [[String: Any]])?.count == 2, "\(result.out.prefix(300))")
        #expect(result.err.contains("bad.files: expect"), "\(result.err)")
        let xml = try String(contentsOfFile: work + "/ci/junit.xml", encoding: .utf8)
        #expect(xml.contains("name=\"good.archive\"") && xml.contains("name=\"bad.files\""))
        let cases = xml.matches(of: #/<testcase classname="([^"]*)" name="([^"]*)"/#).map { "\($0.1) \($0.2)" }
        #expect(Set(cases).count == cases.count, "duplicate case names")
        #expect(cases.contains { $0.hasSuffix("count (2)") }, "\(cases)")
        let schema = TestEnvironment.shell(
            "xmllint --noout --schema '\(TestEnvironment.schema)' '\(work)/ci/junit.xml'")
        #expect(schema.code == 0, "\(schema.all)")
    }

    /// One timer per set writing one metrics file: a run of set `a` keeps `b`'s series.
    @Test func aMetricsFileKeepsTheOtherSetsSeries() throws {
        let work = TestEnvironment.scratch("metrics")
        defer { TestEnvironment.remove(work) }
        let plan = ["a", "b"].map { "  - name: \($0)\n    source: { archive: \(TestEnvironment.demoArchive) }" }
        try ("sets:\n" + plan.joined(separator: "\n") + "\n").write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let metrics = work + "/restorecheck.prom"
        for set in ["a", "b", "a"] {
            let result = TestEnvironment.verify(
                [work + "/plan.yml", "--set", set, "--metrics-file", metrics], reports: work + "/r")
            #expect(result.code == 0, "\(result.all)")
        }
        let text = try String(contentsOfFile: metrics, encoding: .utf8)
        let runs = text.split(separator: "\n").filter { $0.hasPrefix("restorecheck_last_run_timestamp_seconds{") }
        #expect(
            runs.count == 2 && runs.contains { $0.contains("set=\"a\"") } && runs.contains { $0.contains("set=\"b\"") })
        #expect(text.components(separatedBy: "# TYPE restorecheck_verdict gauge").count == 2, "one family once")
    }
}
