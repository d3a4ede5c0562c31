import Foundation
import Testing

/// The recipes in `deploy/`, each put before the tool that would reject it: systemd's own
/// verifier, promtool, a JSON Schema validator; the cron line is run as cron runs it; the CI
/// files must publish the JUnit file the command writes, even when the gate fails.
@Suite struct DeployRecipesTests {
    static let deploy = TestEnvironment.packageRoot.appendingPathComponent("deploy").path

    /// The units with ExecStart pointing at this build's binary (verify wants it to exist).
    private func units(in work: String, extra: String = "") throws -> String {
        for name in ["restorecheck.service", "restorecheck.timer"] {
            var text = try String(contentsOfFile: Self.deploy + "/systemd/" + name, encoding: .utf8)
            text = text.replacingOccurrences(of: "/usr/local/bin/restorecheck", with: TestEnvironment.binary)
            if name.hasSuffix(".service") { text += extra }
            try text.write(toFile: work + "/" + name, atomically: true, encoding: .utf8)
        }
        return "'\(work)/restorecheck.service' '\(work)/restorecheck.timer'"
    }

    @Test func theSystemdUnitsPassSystemdsVerifierAndAreHardened() throws {
        let work = TestEnvironment.scratch("systemd")
        defer { TestEnvironment.remove(work) }
        let verify = TestEnvironment.shell("systemd-analyze verify --man=no \(try units(in: work))")
        #expect(verify.code == 0 && verify.all.isEmpty, "\(verify.all)")
        let security = TestEnvironment.shell(
            "systemd-analyze security --offline=yes '\(work)/restorecheck.service' | tail -1")
        let level = security.out.firstMatch(of: #/exposure level for restorecheck.service: (\d+\.\d)/#)
        let exposure = try #require(level.flatMap { Double($0.1) }, "\(security.out) \(security.err)")
        #expect(exposure <= 5.0, "exposure \(exposure)")
        // The verifier does reject a broken unit, so the pass above means something.
        let broken = TestEnvironment.shell(
            "systemd-analyze verify --man=no \(try units(in: work, extra: "ExecStart=relative/path\n"))")
        #expect(broken.code != 0, "\(broken.all)")
    }

    /// Cron runs the line with an almost empty environment and mails any output: a pass is
    /// silent, a fail says why on standard error and exits non-zero.
    @Test func theCronLineIsSilentOnAPassAndSpeaksOnAFail() throws {
        let work = TestEnvironment.scratch("cron")
        defer { TestEnvironment.remove(work) }
        let text = try String(contentsOfFile: Self.deploy + "/cron/restorecheck", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.first?.isNumber == true })
        let fields = line.split(separator: " ", maxSplits: 6).map(String.init)
        try #require(fields.count == 7, "minute hour day month weekday user command")
        #expect(fields[0] == "30" && fields[1] == "5" && fields[2...4] == ["*", "*", "*"] && fields[5] == "root")
        var command = fields[6]
        for (from, to) in [
            ("/usr/local/bin/restorecheck", TestEnvironment.binary),
            ("/etc/restorecheck/plan.yml", TestEnvironment.demoPlan),
            ("/var/lib/restorecheck", work + "/state"), ("/var/lib/prometheus/node-exporter", work),
        ] {
            #expect(command.contains(from), "\(from) in the cron line")
            command = command.replacingOccurrences(of: from, with: to)
        }
        let pass = TestEnvironment.run(
            "/bin/sh", ["-c", command + " --now \(TestEnvironment.demoNow) --scratch \(work)"], emptyEnvironment: true)
        #expect(pass.code == 0 && pass.all.isEmpty, "a pass mails nothing: \(pass.all)")
        #expect(FileManager.default.fileExists(atPath: work + "/restorecheck.prom"))
        let fail = TestEnvironment.run(
            "/bin/sh", ["-c", command + " --now 2026-12-20T06:00:00Z --scratch \(work)"], emptyEnvironment: true)
        #expect(fail.code == 1 && fail.out.isEmpty && fail.err.contains("verdict: FAIL"), "\(fail.all)")
    }

    /// Each CI recipe writes the JUnit file with `--junit` and publishes that same file, also
    /// when the gate fails (that is when it matters).
    @Test func theCIRecipesPublishTheJUnitTheyWrite() throws {
        let script = """
            import sys, yaml
            gitlab = yaml.safe_load(open(sys.argv[1]))['verify-backup']
            junit = gitlab['artifacts']['reports']['junit']
            assert any('--junit ' + junit in line for line in gitlab['script']), 'gitlab: --junit path'
            assert gitlab['artifacts']['when'] == 'always', 'gitlab: artifacts on failure'
            steps = yaml.safe_load(open(sys.argv[2]))['jobs']['verify']['steps']
            run = next(s for s in steps if 'restorecheck verify' in s.get('run', ''))
            publish = next(s for s in steps if 'junit' in s.get('uses', ''))
            assert '--junit ' + publish['with']['report_paths'] in run['run'], 'github: --junit path'
            assert publish.get('if') == 'always()', 'github: publish on failure'
            print('ok')
            """
        let result = TestEnvironment.run(
            "/usr/bin/python3",
            ["-c", script, Self.deploy + "/ci/gitlab-ci.yml", Self.deploy + "/ci/github-actions.yml"])
        #expect(result.code == 0 && result.out == "ok\n", "\(result.all)")
        let jenkins = try String(contentsOfFile: Self.deploy + "/ci/Jenkinsfile", encoding: .utf8)
        let written = try #require(jenkins.firstMatch(of: #/--junit (\S+)/#)).1
        #expect(jenkins.contains("junit testResults: '\(written)'"), "Jenkins publishes what it writes")
        #expect(jenkins.contains("always {"), "Jenkins publishes on failure too")
    }

    /// promtool accepts the rules, their unit tests pass (each alert fires when it should and
    /// not on a healthy set), and every metric they read is one restorecheck writes.
    @Test func theAlertRulesPassPromtoolAndReadRealMetrics() throws {
        let directory = Self.deploy + "/prometheus"
        let check = TestEnvironment.shell("cd '\(directory)' && promtool check rules restorecheck.rules.yml")
        #expect(check.code == 0, "\(check.all)")
        let test = TestEnvironment.shell("cd '\(directory)' && promtool test rules restorecheck.rules.test.yml")
        #expect(test.code == 0, "\(test.all)")
        let rules = try String(contentsOfFile: directory + "/restorecheck.rules.yml", encoding: .utf8)
        let metrics = try String(contentsOfFile: Golden.directory + "/demo.metrics.prom", encoding: .utf8)
        let used = Set(rules.matches(of: #/restorecheck_[a-z_]+/#).map { String($0.0) })
        #expect(used.count >= 3)
        for name in used { #expect(metrics.contains("# TYPE \(name) "), "\(name) is not a metric restorecheck writes") }
    }

    /// The schema is valid, the golden reports match it, and it does reject a report that
    /// breaks it (an unknown verdict), so a pass means something.
    @Test func theReportSchemaAcceptsRealReportsAndRejectsABrokenOne() throws {
        let work = TestEnvironment.scratch("schema")
        defer { TestEnvironment.remove(work) }
        let goldens = ["demo.report.json", "stale.report.json"].map { Golden.directory + "/" + $0 }
        #expect(ReportSchema.problems(in: goldens) == nil)
        var text = try String(contentsOfFile: goldens[0], encoding: .utf8)
        text = text.replacingOccurrences(of: "\"verdict\" : \"pass\"", with: "\"verdict\" : \"maybe\"")
        try text.write(toFile: work + "/broken.json", atomically: true, encoding: .utf8)
        let problems = ReportSchema.problems(in: [work + "/broken.json"]) ?? ""
        #expect(problems.contains("'maybe' is not one of"), "\(problems)")
    }
}
