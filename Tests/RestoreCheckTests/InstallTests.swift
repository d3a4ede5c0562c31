import Foundation
import Testing

/// `make install` puts a binary on a backup host that has no Swift toolchain: the Swift
/// runtime is linked in, so it runs from `/` with the toolchain's libraries hidden (a mount
/// namespace lays an empty tmpfs over them), next to its man page and completions.
@Suite(.serialized) struct InstallTests {
    /// The toolchain's runtime libraries (`libswiftCore.so` …), from the `swift` on PATH.
    static var toolchainLibraries: String? {
        let which = TestEnvironment.shell("readlink -f \"$(command -v swift)\"")
        guard which.code == 0 else { return nil }
        let bin = URL(fileURLWithPath: which.out.trimmingCharacters(in: .whitespacesAndNewlines))
            .deletingLastPathComponent()
        return bin.deletingLastPathComponent().appendingPathComponent("lib/swift/linux").path
    }

    /// Runs `command` from `/` with no environment but PATH, the toolchain's libraries hidden.
    static func withoutToolchain(_ command: String) throws -> TestEnvironment.Result {
        let libraries = try #require(toolchainLibraries)
        return TestEnvironment.shell(
            "unshare -m sh -c 'mount -t tmpfs none \(libraries) && cd / && exec env -i PATH=/usr/bin:/bin \(command)'")
    }

    @Test func theInstalledBinaryRunsWithoutTheToolchain() throws {
        let work = TestEnvironment.scratch("install")
        defer { TestEnvironment.remove(work) }
        let prefix = work + "/prefix"
        let make = TestEnvironment.shell(
            "make --no-print-directory -C '\(TestEnvironment.packageRoot.path)' install PREFIX='\(prefix)'")
        try #require(make.code == 0, "\(make.all)")

        // The hiding is real: a binary that needs the toolchain's runtime cannot start under it.
        let dynamic = try Self.withoutToolchain("'\(TestEnvironment.binary)' --version")
        #expect(dynamic.code == 127 && dynamic.err.contains("libswift"), "\(dynamic.all)")

        let verify = try Self.withoutToolchain(
            "'\(prefix)/bin/restorecheck' verify --archive '\(TestEnvironment.demoArchive)' --name demo "
                + "--report-dir '\(work)/r' --scratch '\(work)'")
        #expect(verify.code == 0, "\(verify.all)")
        #expect(verify.out.contains("verdict: PASS") && verify.out.contains("report: \(work)/r/runs/"))
        let plan = try Self.withoutToolchain("'\(prefix)/bin/restorecheck' validate '\(TestEnvironment.demoPlan)'")
        #expect(plan.code == 0, "\(plan.all)")

        let manual = TestEnvironment.shell("MANWIDTH=80 man -l '\(prefix)/share/man/man1/restorecheck.1' | cat")
        #expect(manual.code == 0 && manual.out.contains("restorecheck verify"), "\(manual.all.prefix(500))")
        let bash = TestEnvironment.shell(
            "bash -n '\(prefix)/share/bash-completion/completions/restorecheck' && "
                + "grep -q -- '--report-dir' '\(prefix)/share/bash-completion/completions/restorecheck'")
        #expect(bash.code == 0, "\(bash.all)")
        for file in ["share/zsh/site-functions/_restorecheck", "share/fish/vendor_completions.d/restorecheck.fish"] {
            let text = (try? String(contentsOfFile: prefix + "/" + file, encoding: .utf8)) ?? ""
            #expect(text.contains("verify") && text.contains("report-dir"), "\(file)")
        }

        let uninstall = TestEnvironment.shell(
            "make --no-print-directory -C '\(TestEnvironment.packageRoot.path)' uninstall PREFIX='\(prefix)'")
        #expect(uninstall.code == 0, "\(uninstall.all)")
        let left = TestEnvironment.shell("find '\(prefix)' -type f")
        #expect(left.out.isEmpty, "left behind: \(left.out)")
    }

    /// Packagers stage with DESTDIR: everything lands under it, at the prefix's layout.
    @Test func destdirStagesUnderIt() throws {
        let work = TestEnvironment.scratch("destdir")
        defer { TestEnvironment.remove(work) }
        let make = TestEnvironment.shell(
            "make --no-print-directory -C '\(TestEnvironment.packageRoot.path)' install DESTDIR='\(work)/stage' "
                + "PREFIX=/usr")
        try #require(make.code == 0, "\(make.all)")
        #expect(FileManager.default.isExecutableFile(atPath: work + "/stage/usr/bin/restorecheck"))
        #expect(FileManager.default.fileExists(atPath: work + "/stage/usr/share/man/man1/restorecheck.1"))
    }
}
