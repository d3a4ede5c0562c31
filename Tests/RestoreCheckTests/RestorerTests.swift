import CRCArchive
import Foundation
import Testing

@testable import RestoreCheck

/// The streaming pass and the sandbox writer in-process, on archives built in code: what is
/// restored, what is refused and why, and that nothing lands outside the sandbox.
@Suite struct RestorerTests {
    private func restore(_ build: (ArchiveBuilder) -> Void, work: String) throws -> (RestoreOutcome, Sandbox) {
        let archive = ArchiveBuilder(work + "/a.tar")
        build(archive)
        archive.close()
        let sandbox = try Sandbox(scratch: work + "/scratch")
        let descriptor = try FileDescriptor(opening: work + "/a.tar", flags: O_RDONLY)
        let restorer = try Restorer(
            sandbox: sandbox, layout: Layout(), limits: RestoreLimits(), lookForManifests: true, algorithms: [.sha256])
        return (try restorer.restore(fd: descriptor.raw, displayPath: "a.tar"), sandbox)
    }

    @Test func entriesAreRestoredIndexedAndHashed() throws {
        let work = TestEnvironment.scratch("restorer")
        defer { TestEnvironment.remove(work) }
        let (outcome, sandbox) = try restore(
            { $0.directory("etc").file("etc/hosts", "127.0.0.1 localhost\n").symlink("etc/localtime", to: "zone") },
            work: work)
        #expect(outcome.complete && outcome.damage.isEmpty && outcome.unsafe.isEmpty)
        #expect(outcome.facts.entries == 3)
        let hosts = try #require(outcome.index.entry(productionPath: "/etc/hosts"))
        #expect(hosts.type == .file && hosts.restored && hosts.size == 20)
        let written = try String(contentsOfFile: sandbox.diskPath(of: "/etc/hosts"), encoding: .utf8)
        #expect(written == "127.0.0.1 localhost\n")
        #expect(outcome.index.entry(productionPath: "/etc/localtime")?.type == .symlink)
    }

    @Test func escapesAreRefusedAndNamed() throws {
        let work = TestEnvironment.scratch("restorer-evil")
        defer { TestEnvironment.remove(work) }
        let (outcome, _) = try restore(
            { archive in
                archive.file("../outside.txt", "x")
                archive.symlink("link", to: work)
                archive.file("link/through.txt", "x")
            }, work: work)
        #expect(!FileManager.default.fileExists(atPath: work + "/outside.txt"))
        #expect(!FileManager.default.fileExists(atPath: work + "/through.txt"))
        let named = outcome.unsafe.map(\.name)
        #expect(named.contains { $0.contains("outside.txt") }, "\(outcome.unsafe)")
        #expect(named.contains { $0.contains("through.txt") }, "\(outcome.unsafe)")
    }

    /// The writer works beneath its root descriptor: a parent that is a symlink is refused,
    /// whatever it points at.
    @Test func theSandboxWriterRefusesToWriteThroughASymlink() throws {
        let work = TestEnvironment.scratch("writer")
        defer { TestEnvironment.remove(work) }
        let sandbox = try Sandbox(scratch: work)
        let writer = SandboxWriter(rootFD: sandbox.rootFD)
        try writer.createSymlink([Array("up".utf8)], target: Array(work.utf8))
        #expect(throws: MaterializeRefusal.throughSymlink) {
            _ = try writer.createFile([Array("up".utf8), Array("x".utf8)])
        }
        let fd = try writer.createFile([Array("fine".utf8)])
        writer.finishFile(fd, mode: 0o600)
        writer.finish()
        #expect(FileManager.default.fileExists(atPath: sandbox.rootPath + "/fine"))
        #expect(!FileManager.default.fileExists(atPath: work + "/x"))
    }

    /// The sandbox removes itself when its owner lets go, unless it is kept.
    @Test func theSandboxRemovesItselfUnlessKept() throws {
        let work = TestEnvironment.scratch("sandbox")
        defer { TestEnvironment.remove(work) }
        var removed: String
        do {
            let sandbox = try Sandbox(scratch: work)
            removed = sandbox.path
            #expect(FileManager.default.fileExists(atPath: removed))
        }
        #expect(!FileManager.default.fileExists(atPath: removed))
        var kept: String
        do { kept = try Sandbox(scratch: work, keep: true).path }
        #expect(FileManager.default.fileExists(atPath: kept))
    }
}
