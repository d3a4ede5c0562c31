import Foundation
import RestoreCheck
import Testing

/// A fleet run: a plan's sets dealt to shards (pods of an Indexed Job) by a stable hash,
/// each shard's run merged back into one, which must be the one-process run check for check;
/// a shard that dies or never starts is an error naming it and its sets, never a quiet gap.
@Suite(.serialized) struct FleetTests {
    @Test func setsAreDealtStablyAndMoveLittle() throws {
        let names = (1...400).map { "web\($0)" }
        let four = names.map { Shard.owner(of: $0, count: 4) }
        #expect(Set(four) == [0, 1, 2, 3])
        for shard in 0..<4 { #expect(four.filter { $0 == shard }.count > 60, "a fair share for shard \(shard)") }
        // Dealing depends on the name alone: adding sets moves none of the others.
        let more = (names + ["new1", "new2"]).prefix(400).map { Shard.owner(of: $0, count: 4) }
        #expect(Array(more) == four)
        // Five shards instead of four move about a fifth of the sets, not most of them.
        let moved = zip(names, four).filter { Shard.owner(of: $0.0, count: 5) != $0.1 }.count
        #expect(moved < 130, "\(moved) of 400 moved")
        #expect(Shard("2/4") == Shard(index: 2, count: 4) && Shard("4/4") == nil && Shard("x") == nil)
        let fromJob = try Shard.resolve(flag: nil, shards: 4, variables: ["JOB_COMPLETION_INDEX": "3"])
        #expect(fromJob == Shard(index: 3, count: 4))
        #expect(throws: RestoreCheckError.self) { try Shard.resolve(flag: nil, shards: 4, variables: [:]) }
    }

    /// 40 sets: copies of the demo backup, three of them cut short and two with a rule that
    /// fails.
    static func fortySets(in work: String) throws -> String {
        let demo = TestEnvironment.demoArchive
        let cut = TestEnvironment.shell("head -c 9000 '\(demo)' > '\(work)/cut.tar.gz'")
        try #require(cut.code == 0)
        var plan = "sets:\n"
        for index in 1...40 {
            let archive = [7, 19, 33].contains(index) ? work + "/cut.tar.gz" : demo
            plan += "  - name: web\(index)\n    source: { archive: \(archive) }\n"
            if [4, 28].contains(index) { plan += "    expect: [{ path: /etc/missing.conf }]\n" }
        }
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        return work + "/plan.yml"
    }

    static func report(_ path: String) throws -> RunReport {
        try JSONReporter.decode(Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// What a comparison looks at: every set's verdict and every check's phase, name, status.
    static func outcome(_ report: RunReport) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for set in report.sets {
            out[set.name] = [set.verdict.rawValue] + set.checks.map { "\($0.phase) \($0.name) \($0.status)" }
        }
        return out
    }

    @Test func fourShardsMergedAreTheOneProcessRun() throws {
        let work = TestEnvironment.scratch("fleet")
        defer { TestEnvironment.remove(work) }
        let plan = try Self.fortySets(in: work)
        let whole = TestEnvironment.verify([plan, "-q"], reports: work + "/one")
        #expect(whole.code == 1, "\(whole.all)")
        for index in 0..<4 {
            let shard = TestEnvironment.verify(
                [plan, "--shards", "4", "-q"], reports: work + "/fleet",
                environment: ["JOB_COMPLETION_INDEX": String(index)])
            #expect([0, 1].contains(shard.code), "\(shard.all)")
        }
        let merge = TestEnvironment.run(
            TestEnvironment.binary, ["merge", work + "/fleet", "--report-dir", work + "/fleet", "-q"])
        #expect(merge.code == 1, "\(merge.all)")
        let one = try Self.report(work + "/one/runs/latest/report.json")
        let merged = try Self.report(work + "/fleet/runs/latest/report.json")
        #expect(merged.sets.map(\.name) == one.sets.map(\.name), "the plan's order")
        #expect(Self.outcome(merged) == Self.outcome(one))
        #expect(merged.verdict == .fail && merged.sets.filter { $0.verdict != .pass }.count == 5)
        ReportSchema.checkLatest(in: work + "/fleet")
        let junit = TestEnvironment.shell(
            "xmllint --noout --schema '\(TestEnvironment.schema)' '\(work)/fleet/runs/latest/junit.xml'")
        #expect(junit.code == 0, "\(junit.all)")
        let history = TestEnvironment.run(TestEnvironment.binary, ["history", "--report-dir", work + "/fleet"])
        #expect(history.out.contains("web40"), "merged runs are in the history: \(history.all.prefix(400))")
    }

    @Test func aKilledShardAndOneThatNeverStartedAreNamed() throws {
        let work = TestEnvironment.scratch("fleet-killed")
        defer { TestEnvironment.remove(work) }
        let plan = try Self.fortySets(in: work)
        for index in [0, 2] {
            let shard = TestEnvironment.verify(
                [plan, "--shard", "\(index)/4", "-q"], reports: work + "/fleet")
            #expect([0, 1].contains(shard.code), "\(shard.all)")
        }
        // Shard 1 is killed as soon as it has said it started; shard 3 never starts.
        let killed = TestEnvironment.shell(
            """
            '\(TestEnvironment.binary)' verify '\(plan)' --shard 1/4 -q --report-dir '\(work)/fleet' \
            --scratch '\(work)' 2>/dev/null & pid=$!
            while [ ! -e '\(work)/fleet/shards/1/shard.json' ]; do sleep 0.01; done
            kill -KILL $pid; wait $pid; echo "status $?"
            """)
        #expect(killed.out.contains("status 137"), "\(killed.all)")
        let merge = TestEnvironment.run(
            TestEnvironment.binary, ["merge", work + "/fleet", "--report-dir", work + "/fleet"])
        #expect(merge.code == 1, "the damaged sets still fail: \(merge.all.suffix(600))")
        let merged = try Self.report(work + "/fleet/runs/latest/report.json")
        #expect(merged.sets.count == 40)
        for set in merged.sets {
            let owner = Shard.owner(of: set.name, count: 4)
            let shardCheck = set.checks.first { $0.name == "shard" }
            if owner == 1 {
                #expect(shardCheck?.status == .error && shardCheck?.message.contains("shard 1/4 started") == true)
                #expect(shardCheck?.message.contains("never reported") == true)
            } else if owner == 3 {
                #expect(shardCheck?.message.contains("shard 3/4 never started") == true, "\(set.name)")
            } else {
                #expect(shardCheck == nil)
            }
        }
        #expect(merge.out.contains("shard"), "the console names the shard: \(merge.out.suffix(400))")
    }

    /// Yesterday's finished shard is not today's: with run ids, merge leaves it out (its sets
    /// are errors), so a stale pass can never stand in for a shard that did not run.
    @Test func aShardOfAnotherRunIsLeftOut() throws {
        let work = TestEnvironment.scratch("fleet-stale")
        defer { TestEnvironment.remove(work) }
        let plan = try Self.fortySets(in: work)
        for (index, run) in [(0, "monday"), (1, "tuesday")] {
            _ = TestEnvironment.verify(
                [plan, "--shard", "\(index)/2", "--run-id", run, "-q"], reports: work + "/fleet")
        }
        let merge = TestEnvironment.run(
            TestEnvironment.binary, ["merge", work + "/fleet", "--report-dir", work + "/out", "--run-id", "tuesday"])
        #expect(
            merge.err.contains("of another run") || merge.out.contains("of another run"), "\(merge.all.suffix(500))")
        let merged = try Self.report(work + "/out/runs/latest/report.json")
        let shardZero = merged.sets.filter { Shard.owner(of: $0.name, count: 2) == 0 }
        #expect(!shardZero.isEmpty && shardZero.allSatisfy { $0.verdict == .error })
    }

    /// On this two-core machine two sets at once take well under the time of one after another.
    @Test func twoJobsVerifyTheSameSetsAsOne() throws {
        let work = TestEnvironment.scratch("jobs")
        defer { TestEnvironment.remove(work) }
        let plan = try Self.fortySets(in: work)
        let one = TestEnvironment.verify([plan, "-q"], reports: work + "/one")
        let two = TestEnvironment.verify([plan, "-q", "--jobs", "2"], reports: work + "/two")
        #expect(one.code == 1 && two.code == 1, "\(two.all.suffix(400))")
        let first = try Self.report(work + "/one/runs/latest/report.json")
        let second = try Self.report(work + "/two/runs/latest/report.json")
        #expect(Self.outcome(first) == Self.outcome(second))
        #expect(second.sets.map(\.name) == first.sets.map(\.name))
    }
}
