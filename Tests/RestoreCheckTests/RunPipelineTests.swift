import Foundation
import RestoreCheck
import Testing

/// The verify pipeline driven in-process, as the command line drives it: exit codes, what
/// the run says through its output sink, and what it leaves behind.
@Suite struct RunPipelineTests {
    private func request(plan: String? = nil, archive: String? = nil, latest: String? = nil, work: String)
        -> VerifyRequest
    {
        var request = VerifyRequest()
        request.planPath = plan
        request.archive = archive
        request.latest = latest
        request.now = ISOTime.parse(TestEnvironment.demoNow)
        request.output.reportDirectory = work + "/reports"
        request.output.scratch = work + "/scratch"
        return request
    }

    private func sandboxes(in work: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: work + "/scratch")) ?? []).filter {
            $0.hasPrefix("restorecheck-")
        }
    }

    /// The demo's two dumps loaded at once (two cores) or one after the other (one core):
    /// the same checks with the same verdicts, the same tables and rows, in the same order.
    @Test func dumpsLoadedAtOnceAreJudgedAsOneAfterAnother() throws {
        let work = TestEnvironment.scratch("lanes")
        defer { TestEnvironment.remove(work) }
        var outcomes: [[String]] = []
        for cores in [1, 2] {
            var environment = RunEnvironment(output: CapturedOutput())
            environment.cores = cores
            let report = try VerifyRun(
                request: request(plan: TestEnvironment.demoPlan, work: work + "/\(cores)"), environment: environment
            ).verify()
            let set = try #require(report.sets.first)
            #expect(set.databases.count == 2, "the demo carries two dumps")
            outcomes.append(
                set.checks.map { "\($0.id) \($0.status)" }
                    + set.databases.map { "\($0.dump): \($0.tables.map { "\($0.name)=\($0.rows)" })" })
        }
        #expect(outcomes[0] == outcomes[1])
    }

    @Test func theDemoPassesAndSaysSoThroughItsSink() throws {
        let work = TestEnvironment.scratch("pipe")
        defer { TestEnvironment.remove(work) }
        let output = CapturedOutput()
        let code = VerifyRun(
            request: request(archive: TestEnvironment.demoArchive, work: work),
            environment: RunEnvironment(output: output)
        ).run()
        #expect(code == 0, "\(output.text)\(output.warningLines)")
        #expect(output.text.contains("verdict: PASS"))
        #expect(output.warningLines.isEmpty)
        #expect(sandboxes(in: work).isEmpty, "the sandbox is removed after a pass")
    }

    /// A plan whose target cannot take its dump is a wrong plan (78), said before any server
    /// starts, and the sandbox goes with it.
    @Test func aTargetThatCannotTakeTheDumpIsABadPlan() throws {
        let work = TestEnvironment.scratch("pipe-target")
        defer { TestEnvironment.remove(work) }
        let dump = DumpFixture.bytes(DumpFixture.shopDumps + "/shop.mariadb.sql")
        let archive = DumpFixture.archive(["/var/backups/db/shop.sql": dump], in: work)
        let plan = DumpFixture.plan(
            archive: archive, entries: ["      - dump: /var/backups/db/shop.sql", "        target: postgres"])
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        let code = VerifyRun(
            request: request(plan: work + "/plan.yml", work: work), environment: RunEnvironment(output: output)
        ).run()
        #expect(code == 78)
        let said = output.warningLines.joined(separator: "\n")
        #expect(
            said.contains("target: postgres") && said.contains("/var/backups/db/shop.sql")
                && said.contains("use target: mariadb"), "\(said)")
        #expect(sandboxes(in: work).isEmpty, "the sandbox is removed when the run stops")
    }

    /// A directory that cannot be listed is named with the system's own reason.
    @Test func aMissingBackupDirectoryGivesTheRealReason() throws {
        let work = TestEnvironment.scratch("pipe-errno")
        defer { TestEnvironment.remove(work) }
        _ = FileManager.default.createFile(atPath: work + "/not-a-dir", contents: Data("x".utf8))
        for (directory, reason) in [
            (work + "/nowhere", "No such file or directory"), (work + "/not-a-dir", "Not a directory"),
        ] {
            let output = CapturedOutput()
            let report = try VerifyRun(
                request: request(latest: directory, work: work), environment: RunEnvironment(output: output)
            ).verify()
            let message = report.sets.first?.checks.first?.message ?? ""
            #expect(report.verdict == .error)
            #expect(message.contains(directory) && message.contains(reason), "\(message)")
        }
        #expect(sandboxes(in: work).isEmpty)
    }

    /// `diff` compares; it is no nightly verdict, so the history does not record it (a verify does).
    /// A diff run is recorded apart: its differences never read as a failed night, and the
    /// set's last pass is a verify's.
    @Test func aDiffIsRecordedApartFromTheNightlyVerdicts() throws {
        let work = TestEnvironment.scratch("pipe-diff")
        defer { TestEnvironment.remove(work) }
        var diff = DiffRequest(live: work)
        diff.archive = TestEnvironment.demoArchive
        diff.output.reportDirectory = work + "/reports"
        diff.output.scratch = work + "/scratch"
        let code = DiffRun(request: diff, environment: RunEnvironment(output: CapturedOutput())).run()
        #expect(code == 1, "the demo differs from an empty live tree")
        let verifies = RunHistory(reportDirectory: work + "/reports")
        let diffs = RunHistory(reportDirectory: work + "/reports", kind: .diff)
        #expect(try verifies.entries().isEmpty)
        #expect(try diffs.entries().map(\.verdict) == [.fail])
        _ = VerifyRun(
            request: request(archive: TestEnvironment.demoArchive, work: work),
            environment: RunEnvironment(output: CapturedOutput())
        ).run()
        #expect(try verifies.entries().map(\.verdict) == [.pass])
        #expect(try diffs.entries().count == 1)
    }

    /// Every verdict comes from one place: a set's, the run's, the history row's and the exit code agree.
    @Test func theVerdictIsComputedOnce() {
        #expect(Verdict(of: [.pass, .skip, .warn]) == .pass)
        #expect(Verdict(of: [.pass, .error]) == .error)
        #expect(Verdict(of: [.error, .fail, .pass]) == .fail)
        #expect(Verdict(of: []) == .error, "nothing judged is not a pass")
        var set = SetReport(name: "s")
        set.checks = [
            CheckResult(CheckID(.files, "expect", subject: "/x", aspect: "mode"), status: .fail, message: "m")
        ]
        let row = HistoryEntry(set, at: Date(timeIntervalSince1970: 0))
        #expect(set.verdict == .fail && row.verdict == .fail && set.verdict.exitCode == 1)
        #expect(set.checks[0].name == "expect /x mode")
        #expect(CheckID(.db, "assert", subject: "/d.sql", label: "two words").name == "assert /d.sql: two words")
    }
}
