import Foundation
import RestoreCheck
import Testing

/// What a verifier running unattended every night must survive: cron's empty environment,
/// hostile names and numbers in plans, and concurrent runs.
@Suite struct HardeningTests {
    /// A file named in UTF-8, packed as a zip (UTF-8 flag) and as pax, verified the way cron
    /// runs a job: with no environment at all. In the "C" locale libarchive cannot convert the
    /// zip's name (the entry was refused) and warns on the pax one (a failure under --strict).
    @Test(arguments: ["names.zip", "names.tar"])
    func nonASCIINamesRestoreWithNoLanguageSet(_ archive: String) throws {
        let work = TestEnvironment.scratch("locale")
        defer { TestEnvironment.remove(work) }
        let made = TestEnvironment.shell(
            """
            set -e; cd '\(work)'; mkdir t; printf 'menu' > 't/Café menu été.txt'
            python3 -c "import zipfile; z = zipfile.ZipFile('names.zip', 'w'); \
            z.write('t/Café menu été.txt', 'Café menu été.txt'); z.close()"
            bsdtar --format pax -cf names.tar -C t .
            """)
        try #require(made.code == 0, "\(made.all)")
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            ["verify", "--archive", work + "/" + archive, "--strict", "--report-dir", work + "/r", "--scratch", work],
            emptyEnvironment: true)
        #expect(result.code == 0, "\(result.all)")
        let checks = TestEnvironment.checks(inReport: TestEnvironment.latestReport(work + "/r"))
        #expect(checks.first { $0.name == "readable" }?.message.contains("warning") == false, "\(checks)")
        #expect(checks.first { $0.name == "safety" }?.status == .pass)
    }
}

/// Numbers and names from a plan or the command line: range-checked at load, never a trap,
/// and never a path outside the report directory.
@Suite struct PlanLimitsTests {
    private func verify(plan extra: String, setName: String = "shop", in work: String) throws -> TestEnvironment.Result
    {
        let plan = """
            sets:
              - name: \(setName)
                source: { archive: \(TestEnvironment.demoArchive) }
            \(extra)
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        return TestEnvironment.verify([work + "/plan.yml", "--now", TestEnvironment.demoNow], reports: work + "/r")
    }

    @Test(arguments: [
        "    max_age: 99999999999999999999d", "    max_age: 1e308d", "    retention: { covers: 1e308d }",
        "    retention: { max_gap: 99999999999999999999d }",
        "    expect:\n      - path: /etc/hosts\n        min_size: 99999999999999999999",
    ])
    func anOutOfRangeNumberIsABadPlanNamingItsLine(_ extra: String) throws {
        let work = TestEnvironment.scratch("limits")
        defer { TestEnvironment.remove(work) }
        let result = try verify(plan: extra, in: work)
        #expect(result.code == 78, "\(result.all)")
        #expect(result.err.contains("plan.yml:") && result.err.contains("at most"), "\(result.err)")
    }

    @Test(arguments: ["..", ".", "..."])
    func aSetNamedWithDotsIsRefused(_ name: String) throws {
        let work = TestEnvironment.scratch("dots")
        defer { TestEnvironment.remove(work) }
        let result = try verify(plan: "", setName: "'\(name)'", in: work)
        #expect(result.code == 78, "\(result.all)")
        #expect(result.err.contains("set name"), "\(result.err)")
    }

    /// Without a plan the set is named after the archive; a name of dots cannot climb out.
    @Test func anArchiveNamedWithDotsReportsInsideTheReportDirectory() throws {
        let work = TestEnvironment.scratch("dots-archive")
        defer { TestEnvironment.remove(work) }
        try FileManager.default.createDirectory(atPath: work + "/in/r", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestEnvironment.demoArchive, toPath: work + "/in/...tar.gz")
        let result = TestEnvironment.verify(
            ["--archive", work + "/in/...tar.gz", "--now", TestEnvironment.demoNow], reports: work + "/in/r")
        #expect(result.code == 0, "\(result.all)")
        let outside = try FileManager.default.contentsOfDirectory(atPath: work + "/in").sorted()
        #expect(outside == ["...tar.gz", "r"], "nothing beside the report directory: \(outside)")
        #expect(FileManager.default.fileExists(atPath: work + "/in/r/backup/latest/report.json"))
    }

    /// Reports can quote what a backup holds: private by default.
    @Test func reportsArePrivate() throws {
        let work = TestEnvironment.scratch("private")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.verify(["--archive", TestEnvironment.demoArchive], reports: work + "/r")
        #expect(result.code != 64, "\(result.all)")
        let run = try FileManager.default.destinationOfSymbolicLink(atPath: work + "/r/demo-2026-11-26/latest")
        let directory = work + "/r/demo-2026-11-26/" + run
        for (path, mode) in [
            (directory, 0o700), (directory + "/report.json", 0o600), (directory + "/junit.xml", 0o600),
        ] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == mode, "\(path)")
        }
    }

    /// `reports.mode` widens them for a team that shares the report directory; a mode that
    /// would make a report executable or unreadable to its owner is a bad plan.
    @Test(arguments: [("0640", 0o640, 0o750), ("0o644", 0o644, 0o755)])
    func reportsModeWidensThem(_ text: String, _ file: Int, _ directory: Int) throws {
        let work = TestEnvironment.scratch("mode")
        defer { TestEnvironment.remove(work) }
        let plan = """
            sets:
              - name: shared
                source: { archive: \(TestEnvironment.demoArchive) }
            reports: { mode: "\(text)" }
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code != 78, "\(result.all)")
        let run =
            work + "/r/shared/" + (try FileManager.default.destinationOfSymbolicLink(atPath: work + "/r/shared/latest"))
        #expect((try FileManager.default.attributesOfItem(atPath: run)[.posixPermissions] as? Int) == directory)
        let json = try FileManager.default.attributesOfItem(atPath: run + "/report.json")
        #expect((json[.posixPermissions] as? Int) == file)
    }

    @Test(arguments: ["0755", "0400", "rw-r--r--"])
    func aReportsModeThatIsNotAPlainPrivateFileModeIsABadPlan(_ text: String) throws {
        let work = TestEnvironment.scratch("mode-bad")
        defer { TestEnvironment.remove(work) }
        try "sets:\n  - name: s\n    source: { archive: a.tar }\nreports: { mode: \"\(text)\" }\n".write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code == 78, "\(result.all)")
        #expect(result.err.contains("plan.yml:4") && result.err.contains("reports.mode"), "\(result.err)")
    }
}

/// Runs that share a report directory: every history row kept, every run its own directory.
@Suite struct ConcurrentRunsTests {
    @Test func tenRunsAtOnceKeepTenRowsAndTenDirectories() throws {
        let work = TestEnvironment.scratch("concurrent")
        defer { TestEnvironment.remove(work) }
        let command =
            (0..<10).map { _ in
                "'\(TestEnvironment.binary)' verify --archive '\(TestEnvironment.demoArchive)' "
                    + "--now \(TestEnvironment.demoNow) "
                    + "--report-dir '\(work)/r' --scratch '\(work)' -q >/dev/null 2>>'\(work)/errors' &"
            }.joined(separator: "\n") + "\nwait"
        TestEnvironment.shell(command)
        let errors = (try? String(contentsOfFile: work + "/errors", encoding: .utf8)) ?? ""
        #expect(!errors.contains("history"), "\(errors)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: work + "/r/demo-2026-11-26").filter {
            $0 != "latest"
        }
        #expect(runs.count == 10, "\(runs)")
        let rows = TestEnvironment.run("/usr/bin/sqlite3", [work + "/r/history.sqlite", "SELECT count(*) FROM runs"])
        #expect(rows.out.trimmingCharacters(in: .whitespacesAndNewlines) == "10", "\(rows.all)")
    }
}

/// What this machine lacks is no verdict on the backup: exit 2, never 1.
@Suite struct CouldNotVerifyTests {
    @Test func anArchiveNeedingAMissingProgramOrAKeyCannotBeVerified() throws {
        let work = TestEnvironment.scratch("lacks")
        defer { TestEnvironment.remove(work) }
        let made = TestEnvironment.shell(
            """
            set -e; cd '\(work)'
            printf 'LRZI\\000\\006' > x.tar.lrz; head -c 200 /dev/zero >> x.tar.lrz
            echo secret > s.txt; zip -q -P key enc.zip s.txt
            """)
        try #require(made.code == 0, "\(made.all)")
        for archive in ["x.tar.lrz", "enc.zip"] {
            let result = TestEnvironment.verify(["--archive", work + "/" + archive], reports: work + "/r")
            #expect(result.code == 2, "\(archive): \(result.all)")
            #expect(result.out.contains("COULD NOT VERIFY"), "\(archive): \(result.out)")
        }
    }

    /// A relative --scratch becomes absolute before any child program (initdb,
    /// mariadb-install-db) sees it: the kept sandbox is named by its absolute path.
    @Test func aRelativeScratchIsMadeAbsolute() throws {
        let work = TestEnvironment.scratch("relative")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            [
                "verify", "--archive", TestEnvironment.demoArchive, "--scratch", "S", "--keep-sandbox", "--report-dir",
                "r",
            ],
            cwd: work)
        #expect(result.out.contains("sandbox kept at \(work)/S/restorecheck-"), "\(result.all)")
    }
}

/// libarchive's own damaged test archives, which its tests expect to be rejected: each
/// restored "cleanly" before (zeros or padding where data was missing, a skip past a damaged
/// header), and each must now fail, naming the entry.
@Suite struct PeerDamageTests {
    @Test(arguments: [
        ("libarchive/test/test_read_format_zip_uncompressed_size_off_by_4gib.zip", "its header declares"),
        ("libarchive/test/test_read_format_gtar_sparse_skip_entry.tar.Z", "skipped damaged data"),
        ("libarchive/test/test_read_format_rar_multivolume.part0001.rar", "limit"),
    ])
    func aDamagedPeerArchiveNeverPasses(_ relative: String, _ reason: String) throws {
        let work = TestEnvironment.scratch("peer")
        defer { TestEnvironment.remove(work) }
        let archive = UUDecode.archive(relative, into: work)
        let result = TestEnvironment.verify(["--archive", archive], reports: work + "/r")
        #expect(result.code == 1, "\(relative): \(result.all)")
        #expect(result.out.contains(reason), "\(relative): \(result.out)")
    }

    /// The decoder itself: a valid peer archive decodes to what its name says.
    @Test func aValidPeerArchiveDecodesAndPasses() throws {
        let work = TestEnvironment.scratch("peer-ok")
        defer { TestEnvironment.remove(work) }
        let archive = UUDecode.archive("libarchive/test/test_compat_gtar_1.tar", into: work)
        let result = TestEnvironment.verify(["--archive", archive], reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
    }
}

/// libarchive 3.6.2's own loop bugs (a rockridge CE loop, a xar double link, a recursive
/// gzip) hang bsdtar too; restorecheck's limits end them: exit 2, the limit named, the
/// sandbox removed.
@Suite struct OwnLimitsTests {
    @Test(arguments: [
        "libarchive/test/test_read_format_iso_rockridge_ce_loop.iso.Z",
        "libarchive/test/test_read_format_xar_doublelink.xar",
        "libarchive/test/test_read_filter_gzip_recursive.gz",
    ])
    func aReaderThatLoopsIsStopped(_ relative: String) throws {
        let work = TestEnvironment.scratch("loop")
        defer { TestEnvironment.remove(work) }
        let archive = UUDecode.archive(relative, into: work)
        let plan = """
            sets:
              - name: loop
                source: { archive: \(archive) }
                limits: { stall_seconds: 3s, max_memory: 1GiB }
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: work + "/scratch", withIntermediateDirectories: true)
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            ["verify", work + "/plan.yml", "--report-dir", work + "/r", "--scratch", work + "/scratch"])
        #expect(result.code == 2, "\(relative): \(result.all)")
        #expect(
            result.err.contains("limits.stall_seconds") || result.err.contains("limits.max_memory"), "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work + "/scratch").isEmpty, "sandbox left behind")
    }
}

/// Nothing is left behind: not names that are not UTF-8, not directories without rights,
/// not the sandbox of a run that was killed.
@Suite struct LeftoverTests {
    @Test func aSandboxHoldingNamesThatAreNotUTF8IsRemoved() throws {
        let work = TestEnvironment.scratch("leftover")
        defer { TestEnvironment.remove(work) }
        var path = ""
        do {
            let sandbox = try Sandbox(scratch: work)
            path = sandbox.path
            // koi8-r and cp932 bytes, as libarchive's own test archives carry them.
            for name in [[0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], [0x95, 0x5C, 0x83, 0x65]] as [[UInt8]] {
                let fd = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
                    openat(sandbox.rootFD, $0.baseAddress!, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
                }
                try #require(fd >= 0)
                close(fd)
            }
            try FileManager.default.createDirectory(
                atPath: sandbox.rootPath + "/locked/inner", withIntermediateDirectories: true)
            chmod(sandbox.rootPath + "/locked", 0)
        }
        #expect(!FileManager.default.fileExists(atPath: path), "left behind: \(path)")
    }

    /// A run killed with SIGKILL leaves its sandbox and its database server; the next run
    /// sweeps both and says so.
    @Test func theNextRunSweepsASandboxWhoseRunDied() throws {
        let work = TestEnvironment.scratch("sweep")
        defer { TestEnvironment.remove(work) }
        let stale = work + "/scratch/restorecheck-AbC123"
        try FileManager.default.createDirectory(atPath: stale + "/root/etc", withIntermediateDirectories: true)
        try "secret".write(toFile: stale + "/root/etc/shadow", atomically: false, encoding: .utf8)
        // A pid that no process has: the owner is gone.
        try "999999999 1\n".write(toFile: stale + "/owner", atomically: false, encoding: .utf8)
        // Stands for the server it left running: a process whose command line names the sandbox.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = ["-c", "import time; time.sleep(120)", stale + "/db/postgres-0/data"]
        try server.run()
        let pid = server.processIdentifier
        try #require(pid > 0)
        defer { if server.isRunning { kill(pid, SIGKILL) } }
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            [
                "verify", "--archive", TestEnvironment.demoArchive, "--scratch", work + "/scratch", "--report-dir",
                work + "/r",
            ])
        server.waitUntilExit()
        #expect(result.err.contains("swept the sandbox \(stale)"), "\(result.err)")
        #expect(result.err.contains("stopping 1 database server"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(server.terminationReason == .uncaughtSignal)
    }

    /// A signal once the sandbox holds tens of thousands of files (the fallback used to exit
    /// two seconds later, mid-removal, saying "sandbox removed" over 710 MB left behind).
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalMidRestoreLeavesNothing(_ signal: Int32) throws {
        let work = TestEnvironment.scratch("signal")
        defer { TestEnvironment.remove(work) }
        let make = """
            import io, tarfile
            with tarfile.open("\(work)/many.tar", "w") as t:
                for i in range(60000):
                    data = (b"%08d " % i) * 128
                    info = tarfile.TarInfo("srv/d%02d/f%05d" % (i // 1000, i)); info.size = len(data)
                    t.addfile(info, io.BytesIO(data))
            """
        try #require(TestEnvironment.run("/usr/bin/python3", ["-c", make]).code == 0)
        let scratch = work + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestEnvironment.binary)
        process.arguments = [
            "verify", "--archive", work + "/many.tar", "--scratch", scratch, "--report-dir", work + "/r",
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let drain = PipeDrain(err.fileHandleForReading.fileDescriptor)
        // Wait until half the files are in the sandbox.
        let deadline = Date().addingTimeInterval(60)
        func halfway() -> Bool {
            let sandboxes = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
            return sandboxes.contains { FileManager.default.fileExists(atPath: "\(scratch)/\($0)/root/srv/d30") }
        }
        while !halfway() && process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(process.isRunning, "the restore ended before the signal")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let said = drain.text()
        #expect(process.terminationStatus == 130, "\(said)")
        #expect(said.contains("interrupted"), "\(said)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "left behind; said: \(said)")
    }

    /// A sandbox whose owner still runs is never touched.
    @Test func aLiveRunsSandboxIsLeftAlone() throws {
        let work = TestEnvironment.scratch("sweep-live")
        defer { TestEnvironment.remove(work) }
        let live = work + "/scratch/restorecheck-LiVe12"
        try FileManager.default.createDirectory(atPath: live + "/root", withIntermediateDirectories: true)
        let me = ProcessInfo.processInfo.processIdentifier
        let start = try #require(
            (try? String(contentsOfFile: "/proc/\(me)/stat", encoding: .utf8))
                .flatMap { $0.split(separator: ")").last?.split(separator: " ").dropFirst(19).first })
        try "\(me) \(start)\n".write(toFile: live + "/owner", atomically: false, encoding: .utf8)
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            [
                "verify", "--archive", TestEnvironment.demoArchive, "--scratch", work + "/scratch", "--report-dir",
                work + "/r",
            ])
        #expect(!result.err.contains("swept"), "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
