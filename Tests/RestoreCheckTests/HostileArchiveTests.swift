import CRCArchive
import Foundation
import RestoreCheck
import Testing

/// Each hostile entry kind, built in code: refused by name, the rest still verified, and
/// nothing written outside the sandbox.
@Suite struct HostileArchiveTests {
    /// Builds an archive whose escapes all aim at `outside`, runs verify, and checks that
    /// `outside` stayed empty and the offenders are named.
    private func refuses(_ expectedNames: [String], build: (ArchiveBuilder, String) -> Void) throws {
        let work = TestEnvironment.scratch("hostile")
        defer { TestEnvironment.remove(work) }
        let outside = work + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let archive = ArchiveBuilder(work + "/evil.tar")
        archive.file("ok.txt", "fine")
        build(archive, outside)
        archive.close()
        let result = TestEnvironment.verify(
            ["--archive", archive.path, "--format", "json"], reports: work + "/reports")
        #expect(result.code == 1, "\(result.all)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty,
            "something was written outside the sandbox")
        let checks = TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work + "/reports")))
        let safety = try #require(checks.first { $0.name == "safety" })
        #expect(safety.status == .fail)
        let named = safety.offenders.map(\.name)
        for name in expectedNames { #expect(named.contains(name), "\(name) not named in \(named)") }
        let readable = try #require(checks.first { $0.name == "readable" })
        #expect(readable.status == .pass, "the rest of the archive is still read")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work + "/reports").filter {
                $0.hasPrefix("restorecheck-")
            }.isEmpty,
            "the sandbox is removed")
    }

    @Test func absolutePath() throws {
        try refuses([]) { archive, outside in archive.file(outside + "/abs", "bad") }
    }

    @Test func dotDotPath() throws {
        try refuses(["../../../../../../../tmp/x/../../escape"]) { archive, _ in
            archive.file("../../../../../../../tmp/x/../../escape", "bad")
        }
    }

    @Test func writeThroughAbsoluteSymlink() throws {
        try refuses(["link/planted"]) { archive, outside in
            archive.symlink("link", to: outside)
            archive.file("link/planted", "bad")
        }
    }

    @Test func symlinkClimbingOut() throws {
        try refuses(["up"]) { archive, _ in
            archive.symlink("up", to: "../../../../../../../../../../tmp")
            archive.file("up/planted", "bad")
        }
    }

    @Test func hardlinkToOutside() throws {
        try refuses(["hl", "hl2"]) { archive, outside in
            archive.hardlink("hl", to: "/etc/passwd")
            archive.hardlink("hl2", to: "../../etc/passwd")
        }
    }

    /// (tar cannot store a socket at all; the writer refuses one, so it cannot be tested here.)
    @Test func devicesFifosAndSetuid() throws {
        try refuses(["null", "pipe", "disk", "suid", "sgid"]) { archive, _ in
            archive.special("null", type: RC_AE_IFCHR)
            archive.special("disk", type: RC_AE_IFBLK)
            archive.special("pipe", type: RC_AE_IFIFO)
            archive.file("suid", "#!/bin/sh", mode: 0o4755)
            archive.file("sgid", "#!/bin/sh", mode: 0o2755)
        }
    }

    @Test func hostileNamesStayWellFormedXML() throws {
        let work = TestEnvironment.scratch("names")
        defer { TestEnvironment.remove(work) }
        let archive = ArchiveBuilder(work + "/names.tar")
        archive.file("<script>alert(1)</script>", "x")
        archive.file(bytes: [0x62, 0x61, 0x64, 0x01, 0xFF, 0xFE, 0x0A, 0x2E, 0x74, 0x78, 0x74], "x")
        archive.file("/abs/&\"quoted'", "x")
        archive.close()
        let result = TestEnvironment.verify(["--archive", archive.path], reports: work + "/reports")
        #expect(result.code == 1)
        let lint = TestEnvironment.shell(
            "xmllint --noout --schema '\(TestEnvironment.schema)' "
                + "'\(TestEnvironment.latestReport(work + "/reports", "junit.xml"))' 2>&1"
        )
        #expect(lint.code == 0, "\(lint.all)")
        let xml = try String(
            contentsOfFile: TestEnvironment.latestReport(work + "/reports", "junit.xml"), encoding: .utf8)
        #expect(!xml.contains("<script>"))
    }
}
