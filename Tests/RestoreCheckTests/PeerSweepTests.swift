import Foundation
import Testing

/// The verdict expected for each of libarchive's 500 test archives, pinned in
/// `Fixtures/libarchive/verdicts.tsv` (archive, exit code, and why when a name that sounds
/// damaged passes).
struct PeerVerdict: Sendable, CustomTestStringConvertible {
    let archive: String
    let exitCode: Int32
    let why: String

    var testDescription: String { archive }

    static let table = TestEnvironment.packageRoot.appendingPathComponent("Fixtures/libarchive/verdicts.tsv").path

    static let all: [PeerVerdict] = {
        guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let code = Int32(fields[1]) else { return nil }
            return PeerVerdict(archive: fields[0], exitCode: code, why: fields[2])
        }
    }()

    /// Names libarchive gives the archives its tests expect to be rejected (or that test a
    /// parser's bounds): one of these passing needs a written reason.
    var soundsDamaged: Bool {
        archive.lowercased().contains(
            #/damag|trunc|corrupt|malform|broken|bad|invalid|overflow|overread|fuzz|oom|loop|huge|leftshift|err/#)
    }
}

/// All of libarchive's test archives, each verified by the binary as cron would run it (no
/// environment at all): no crash, no hang past the limits, no leftover, nothing written
/// outside the work directory, and the pinned verdict, so a damaged one that starts to pass
/// (or a valid one that starts to fail) is caught.
@Suite struct PeerSweepTests {
    @Test func theTableCoversEveryArchiveAndExplainsEveryDamagedNameThatPasses() throws {
        let decoded = try #require(FileManager.default.enumerator(atPath: UUDecode.peer))
        let archives = Set(
            decoded.compactMap { $0 as? String }.filter { $0.hasSuffix(".uu") }.map { String($0.dropLast(3)) })
        #expect(archives.count == 500)
        #expect(Set(PeerVerdict.all.map(\.archive)) == archives)
        for verdict in PeerVerdict.all where verdict.exitCode == 0 && verdict.soundsDamaged {
            #expect(!verdict.why.isEmpty, "\(verdict.archive) passes with no reason written down")
        }
    }

    @Test(arguments: PeerVerdict.all)
    func eachArchiveGetsItsVerdictAndLeavesNothing(_ verdict: PeerVerdict) throws {
        let work = TestEnvironment.scratch("sweep")
        defer { TestEnvironment.remove(work) }
        let archive = UUDecode.archive(verdict.archive, into: work)
        for directory in ["scratch", "cwd"] {
            try FileManager.default.createDirectory(atPath: work + "/" + directory, withIntermediateDirectories: true)
        }
        let plan = """
            sets:
              - name: peer
                source: { archive: "\(archive)" }
                limits: { stall_seconds: 3s, max_seconds: 60s, max_memory: 1GiB }
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            ["verify", work + "/plan.yml", "--report-dir", work + "/r", "--scratch", work + "/scratch"],
            cwd: work + "/cwd", emptyEnvironment: true)
        #expect((0...2).contains(result.code), "crashed: \(result.all)")
        #expect(result.code == verdict.exitCode, "expected exit \(verdict.exitCode): \(result.all)")
        if result.code == 0 { #expect(result.out.contains("verdict: PASS"), "\(result.all)") }
        #expect(!result.all.contains("could not be read; not restored") || verdict.exitCode != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work + "/scratch").isEmpty, "left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work + "/cwd").isEmpty, "wrote into cwd")
        let top = try FileManager.default.contentsOfDirectory(atPath: work).sorted()
        let name = (archive as NSString).lastPathComponent
        // `r` is missing only when a reader stuck in C was ended (exit 2, before any report).
        #expect(Set(top).isSubset(of: [name, "cwd", "plan.yml", "r", "scratch"]), "wrote outside: \(top)")
    }
}
