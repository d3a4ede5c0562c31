import Foundation
import RestoreCheck
import Testing

/// A dump is loaded while the rest of the archive restores, and that early load is kept only
/// when nothing in the archive changed the dump afterwards: a second member of the same name,
/// or cpio's data written through a later hard link, makes it load again from what is there.
@Suite struct DumpPrefetchTests {
    private static let dump = """
        PRAGMA foreign_keys=OFF;
        BEGIN TRANSACTION;
        CREATE TABLE t (id INTEGER PRIMARY KEY);
        INSERT INTO t VALUES(1);
        COMMIT;

        """

    /// Verified in-process with the sandbox kept: the run's only set, and its sandbox.
    private static func verify(_ archive: String, cores: Int, work: String) throws -> (SetReport, String) {
        var request = VerifyRequest()
        request.archive = archive
        request.output.reportDirectory = work + "/reports-\(cores)"
        request.output.scratch = work + "/scratch"
        request.output.keepSandbox = true
        var environment = RunEnvironment(output: CapturedOutput())
        environment.cores = cores
        let set = try #require(try VerifyRun(request: request, environment: environment).verify().sets.first)
        return (set, try #require(set.sandbox))
    }

    /// A tar (Python's tarfile) of `before`, then `pages` web pages, then `after`, in that order.
    private static func tar(
        _ before: [(String, String)], pages: Int, _ after: [(String, String)] = [], at path: String
    ) throws {
        func json(_ members: [(String, String)]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: members.map { [$0.0, $0.1] }), as: UTF8.self)
        }
        let script = """
            import io, json, sys, tarfile
            def add(t, name, text):
                data = text.encode()
                info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1764000000
                t.addfile(info, io.BytesIO(data))
            with tarfile.open(sys.argv[1], "w") as t:
                for name, text in json.loads(sys.argv[2]): add(t, name, text)
                for n in range(int(sys.argv[3])): add(t, f"srv/www/page-{n}.html", "<p>restorecheck</p>\\n" * 400)
                for name, text in json.loads(sys.argv[4]): add(t, name, text)
            """
        let result = TestEnvironment.run(
            "/usr/bin/python3", ["-c", script, path, try json(before), String(pages), try json(after)])
        #expect(result.code == 0, "\(result.err)")
    }

    private static func rows(_ set: SetReport, _ dump: String) -> Int? {
        set.databases.first { $0.dump == dump }?.tables.first { $0.name == "t" }?.rows
    }

    @Test func aDumpFirstInTheArchiveIsLoadedWhileTheRestRestores() throws {
        let work = TestEnvironment.scratch("prefetch")
        defer { TestEnvironment.remove(work) }
        try Self.tar([("var/backups/app.sql", Self.dump)], pages: 300, at: work + "/site.tar")
        let (set, sandbox) = try Self.verify(work + "/site.tar", cores: 2, work: work)
        #expect(set.verdict == .pass, "\(set.checks.filter { $0.status != .pass })")
        #expect(Self.rows(set, "/var/backups/app.sql") == 1)
        let databases = try FileManager.default.contentsOfDirectory(atPath: sandbox + "/db")
        #expect(databases.contains("10000.sqlite") && !databases.contains("0.sqlite"), "\(databases)")
    }

    @Test(arguments: [1, 2])
    func aDumpNamedAgainLaterIsLoadedFromItsLastCopy(cores: Int) throws {
        let work = TestEnvironment.scratch("prefetch-twice")
        defer { TestEnvironment.remove(work) }
        let second = Self.dump.replacingOccurrences(of: "VALUES(1);", with: "VALUES(1);\nINSERT INTO t VALUES(2);")
        try Self.tar(
            [("var/backups/app.sql", Self.dump)], pages: 300, [("var/backups/app.sql", second)], at: work + "/site.tar")
        let (set, _) = try Self.verify(work + "/site.tar", cores: cores, work: work)
        #expect(Self.rows(set, "/var/backups/app.sql") == 2, "\(set.databases.map(\.tables))")
    }

    /// cpio (newc) keeps a hard-linked file's data on its last link: the first name arrives
    /// empty and is filled when the last one is read.
    @Test(arguments: [1, 2])
    func aDumpFilledThroughALaterHardLinkIsLoadedAgain(cores: Int) throws {
        let work = TestEnvironment.scratch("prefetch-link")
        defer { TestEnvironment.remove(work) }
        let tree = work + "/tree/var/backups"
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        try Self.dump.write(toFile: tree + "/app.sql", atomically: true, encoding: .utf8)
        let made = TestEnvironment.shell(
            "ln '\(tree)/app.sql' '\(tree)/copy.sql' && "
                + "bsdtar --format=newc -cf '\(work)/site.cpio' -C '\(work)/tree' .")
        #expect(made.code == 0, "\(made.err)")
        let (set, _) = try Self.verify(work + "/site.cpio", cores: cores, work: work)
        #expect(
            set.databases.count == 1 && set.databases.allSatisfy { Self.rows(set, $0.dump) == 1 }, "\(set.databases)")
        #expect(set.verdict == .pass, "\(set.checks.filter { $0.status != .pass })")
    }
}
