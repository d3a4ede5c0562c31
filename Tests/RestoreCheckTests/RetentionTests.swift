import Foundation
import RestoreCheck
import Testing

/// Directories of dated copies, judged as a set: fresh enough, enough copies, no shrink, far
/// enough back, no missed night. Only the newest copy is restored.
@Suite struct RetentionTests {
    /// A backups directory with copies named by date; `copies` maps a file name to its
    /// content (a path to copy, or raw bytes) and its age in hours at the demo clock.
    private func directory(
        _ copies: [(name: String, source: String?, bytes: [UInt8]?, hoursOld: Double)], in work: String
    ) -> String {
        let dir = work + "/backups"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let now = ISO8601DateFormatter().date(from: TestEnvironment.demoNow)!
        for copy in copies {
            let path = dir + "/" + copy.name
            if let source = copy.source { try! FileManager.default.copyItem(atPath: source, toPath: path) }
            if let bytes = copy.bytes { _ = FileManager.default.createFile(atPath: path, contents: Data(bytes)) }
            let date = now.addingTimeInterval(-copy.hoursOld * 3600)
            try! FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
        }
        return dir
    }

    private func run(_ dir: String, plan extra: String, in work: String) throws -> (
        TestEnvironment.Result, [String: CheckResult]
    ) {
        let plan = "sets:\n  - name: shop\n    source: { latest: \(dir) }\n    databases: []\n" + extra
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify(
            [work + "/plan.yml", "--now", TestEnvironment.demoNow], reports: work + "/r")
        var checks: [String: CheckResult] = [:]
        for check in TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work + "/r"))) {
            checks[check.name] = check
        }
        return (result, checks)
    }

    private let demo = TestEnvironment.demoArchive
    private func status(_ checks: [String: CheckResult], _ name: String) -> String? { checks[name]?.status.rawValue }

    @Test func aNewestCopyThreeDaysOldFailsADailySchedule() throws {
        let work = TestEnvironment.scratch("ret-stale")
        defer { TestEnvironment.remove(work) }
        let dir = directory(
            [("shop-2026-11-23.tar.gz", demo, nil, 72), ("shop-2026-11-22.tar.gz", demo, nil, 96)], in: work)
        let (result, checks) = try run(dir, plan: "    schedule: daily\n", in: work)
        #expect(result.code == 1)
        #expect(status(checks, "latest") == "fail")
        let message = (checks["latest"]?.message) ?? ""
        #expect(message.contains("shop-2026-11-23.tar.gz is 3d 0h old"), "\(message)")
    }

    @Test func aSingleCopyFails() throws {
        let work = TestEnvironment.scratch("ret-one")
        defer { TestEnvironment.remove(work) }
        let dir = directory([("shop-2026-11-26.tar.gz", demo, nil, 4)], in: work)
        let (result, checks) = try run(dir, plan: "    schedule: online-store\n", in: work)
        #expect(result.code == 1, "\(result.all)")
        #expect(status(checks, "retention copies") == "fail")
    }

    @Test func aNewestCopyUnderHalfThePreviousFailsNamingBoth() throws {
        let work = TestEnvironment.scratch("ret-shrink")
        defer { TestEnvironment.remove(work) }
        let big = work + "/big.tar"
        TestEnvironment.shell(
            "mkdir -p '\(work)/t' && tar -xzf '\(demo)' -C '\(work)/t' && head -c 200000 /dev/urandom > "
                + "'\(work)/t/blob' && tar -cf '\(big)' -C '\(work)/t' ."
        )
        let dir = directory(
            [("shop-2026-11-26.tar.gz", demo, nil, 4), ("shop-2026-11-25.tar", big, nil, 28)], in: work)
        let (result, checks) = try run(dir, plan: "", in: work)
        #expect(result.code == 1, "\(result.all)")
        let message = (checks["retention shrink"]?.message) ?? ""
        #expect(status(checks, "retention shrink") == "fail")
        #expect(message.contains("shop-2026-11-26.tar.gz") && message.contains("shop-2026-11-25.tar"), "\(message)")
    }

    @Test func aCorruptOlderCopyDoesNotFailAGoodNewestOne() throws {
        let work = TestEnvironment.scratch("ret-oldbad")
        defer { TestEnvironment.remove(work) }
        let size = DumpFixture.bytes(demo).count
        let dir = directory(
            [
                ("shop-2026-11-26.tar.gz", demo, nil, 4),
                ("shop-2026-11-25.tar.gz", nil, [UInt8](repeating: 0x41, count: size - 100), 28),
                ("shop-2026-11-24.tar.gz", demo, nil, 52),
            ], in: work)
        let (result, checks) = try run(
            dir, plan: "    schedule: daily\n    retention: { min_copies: 3, covers: 2d, max_gap: schedule }\n",
            in: work)
        #expect(result.code == 0, "\(result.all)")
        for name in ["latest", "retention copies", "retention shrink", "retention covers", "retention gap", "readable"]
        {
            #expect(status(checks, name) == "pass", "\(name): \(String(describing: checks[name]))")
        }
    }

    @Test func twoIdenticalNewestCopiesWarn() throws {
        let work = TestEnvironment.scratch("ret-same")
        defer { TestEnvironment.remove(work) }
        let dir = directory(
            [("shop-2026-11-26.tar.gz", demo, nil, 4), ("shop-2026-11-25.tar.gz", demo, nil, 28)], in: work)
        let (result, checks) = try run(dir, plan: "", in: work)
        #expect(result.code == 0)
        #expect(status(checks, "retention identical") == "warn")
        let strict = TestEnvironment.verify(
            [work + "/plan.yml", "--now", TestEnvironment.demoNow, "--strict"], reports: work + "/r2")
        #expect(strict.code == 1)
    }

    @Test func aMissedNightAndShortHistoryFail() throws {
        let work = TestEnvironment.scratch("ret-gap")
        defer { TestEnvironment.remove(work) }
        let dir = directory(
            [("shop-2026-11-26.tar.gz", demo, nil, 4), ("shop-2026-11-23.tar.xz", nil, [1, 2, 3], 76)], in: work)
        let (result, checks) = try run(
            dir, plan: "    schedule: daily\n    retention: { max_gap: 26h, covers: 7d, max_shrink: 100% }\n", in: work)
        #expect(result.code == 1)
        #expect(status(checks, "retention gap") == "fail")
        #expect(status(checks, "retention covers") == "fail")
        #expect(checks["retention gap"]?.offenders.first?.name == "shop-2026-11-23.tar.xz → shop-2026-11-26.tar.gz")
    }

    @Test func presetSchedulesAreKnown() throws {
        for (preset, ok) in [("static-site", true), ("game-server", true), ("blog", true), ("fortnightly", false)] {
            let work = TestEnvironment.scratch("ret-preset")
            defer { TestEnvironment.remove(work) }
            let dir = directory([("shop-2026-11-26.tar.gz", demo, nil, 4)], in: work)
            let (result, _) = try run(
                dir, plan: "    schedule: \(preset)\n    retention: { min_copies: 1 }\n", in: work)
            #expect(result.code == (ok ? 0 : 78), "\(preset): \(result.all)")
        }
    }
}
