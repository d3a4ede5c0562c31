import Foundation
import RestoreCheck
import Testing

/// Every output format of one fixed run, pinned byte for byte: the demo backup verified
/// in-process with the clock, host and version injected, so JUnit, JSON, HTML, metrics and
/// the console can only change when the product does (`make golden` after review).
@Suite(.serialized) struct GoldenOutputTests {
    static let start = ISOTime.parse(TestEnvironment.demoNow)!

    /// A copy of the demo (plan and backups) with the copies' mtimes their names say, as
    /// `make fixture-times` sets them; the run reports into `work/reports`.
    static func demoRun(in work: String, archive: String? = nil) throws -> (RunReport, CapturedOutput) {
        try FileManager.default.copyItem(atPath: TestEnvironment.fixtures, toPath: work + "/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: work + "/demo/backups")
        where name.hasPrefix("demo-") {
            let day = String(name.dropFirst(5).prefix(10))
            let date = try #require(ISOTime.parse(day + "T02:10:00Z"))
            try FileManager.default.setAttributes(
                [.modificationDate: date], ofItemAtPath: work + "/demo/backups/" + name)
        }
        var request = VerifyRequest()
        request.planPath = work + "/demo/plan.yml"
        request.now = start
        request.archive = archive.map { work + "/demo/backups/" + $0 }
        request.metricsFile = work + "/metrics.prom"
        request.output.reportDirectory = work + "/reports"
        request.output.scratch = work
        let output = CapturedOutput()
        var environment = RunEnvironment(
            clock: SteppingClock(start: start), host: "golden-host", version: "0.0.0-golden",
            output: output)
        // One core: the stepping clock is read in one order, so the durations are the same each run.
        environment.cores = 1
        return (try VerifyRun(request: request, environment: environment).verify(), output)
    }

    @Test func theDemoRunsOutputsAreThoseOfTheGoldenFiles() throws {
        let work = TestEnvironment.scratch("golden")
        defer { TestEnvironment.remove(work) }
        let (report, output) = try Self.demoRun(in: work)
        #expect(report.verdict == .pass)
        let run = work + "/reports/demo/20261126T060000Z"
        for file in ["junit.xml", "report.json", "report.html"] {
            let text = try String(contentsOfFile: run + "/" + file, encoding: .utf8)
            Golden.check(Golden.normalize(text, work: work), against: "demo." + file)
        }
        // The run's own page: the one the console's last line names.
        let index = try String(contentsOfFile: work + "/reports/runs/20261126T060000Z/index.html", encoding: .utf8)
        Golden.check(Golden.normalize(index, work: work), against: "demo.index.html")
        Golden.check(
            Golden.normalize(try String(contentsOfFile: work + "/metrics.prom", encoding: .utf8), work: work),
            against: "demo.metrics.prom")
        Golden.check(Golden.normalize(output.text, work: work), against: "demo.console.txt")
    }

    /// An older copy named with --archive fails its freshness: the failure side of every
    /// format (JUnit `<failure>`, the HTML's "Needs attention", the verdict line, exit 1).
    @Test func aStaleCopysOutputsAreThoseOfTheGoldenFiles() throws {
        let work = TestEnvironment.scratch("golden-stale")
        defer { TestEnvironment.remove(work) }
        let (report, output) = try Self.demoRun(in: work, archive: "demo-2026-11-24.tar.xz")
        #expect(report.verdict == .fail)
        #expect(report.exitCode == 1)
        let run = work + "/reports/demo/20261126T060000Z"
        for file in ["junit.xml", "report.json", "report.html"] {
            let text = try String(contentsOfFile: run + "/" + file, encoding: .utf8)
            Golden.check(Golden.normalize(text, work: work), against: "stale." + file)
        }
        Golden.check(Golden.normalize(output.text, work: work), against: "stale.console.txt")
    }

    /// The comparison is byte-exact: one changed byte anywhere is a difference, named by line.
    @Test func oneChangedByteIsADifference() throws {
        let golden = try String(contentsOfFile: Golden.directory + "/demo.junit.xml", encoding: .utf8)
        var bytes = Array(golden.utf8)
        let middle = bytes.count / 2
        bytes[middle] = bytes[middle] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        let changed = String(decoding: bytes, as: UTF8.self)
        #expect(Golden.firstDifference(golden, changed) != nil)
        #expect(Golden.firstDifference(golden, golden) == nil)
        #expect(Golden.firstDifference(golden, golden + "\n")?.contains("end of file") == true)
    }

    /// Durations are measured, not left at zero: on the stepping clock every phase that ran
    /// took time, and so did each check judged by a step of its own (the freshness of the
    /// source, each expect rule, each import).
    @Test func phasesAndChecksCarryTheirMeasuredDurations() throws {
        let work = TestEnvironment.scratch("golden-time")
        defer { TestEnvironment.remove(work) }
        let (report, _) = try Self.demoRun(in: work)
        let set = try #require(report.sets.first)
        #expect(set.durations.map(\.phase) == [.source, .archive, .files, .db])
        #expect(set.durations.allSatisfy { $0.seconds > 0 })
        let alone = set.checks.filter { ["latest", "expect", "import"].contains($0.id.check) }
        #expect(alone.count > 10)
        #expect(alone.allSatisfy { $0.seconds > 0 }, "zero: \(alone.filter { $0.seconds == 0 }.map(\.name))")
        let junit = try String(contentsOfFile: work + "/reports/demo/latest/junit.xml", encoding: .utf8)
        let suiteTimes = junit.matches(of: #/<testsuite name="[^"]+" [^>]* time="([0-9.]+)"/#).map { Double($0.1)! }
        #expect(suiteTimes.count == 4)
        #expect(suiteTimes.allSatisfy { $0 > 0 })
    }
}
