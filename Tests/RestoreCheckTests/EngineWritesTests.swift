import Foundation
import Testing

/// The database servers restorecheck starts write nowhere but the sandbox (and the reports
/// their run writes), as root or not: every file-changing system call of the whole process
/// tree is traced with strace. Before, `mariadb-install-db --user=root` chowned and chmodded
/// the host's PAM helper, and mariadbd put its temporary files in /tmp.
@Suite(.serialized) struct EngineWritesTests {
    /// System calls that create, change or remove a file, a directory or its metadata.
    static let calls =
        "open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,rmdir,chmod,fchmodat,"
        + "chown,fchownat,lchown,symlink,symlinkat,link,linkat,truncate,mknod,mknodat"

    /// Paths a process may write outside the work directory: terminals and the null device.
    static let harmless = ["/dev/null", "/dev/tty", "/dev/pts/", "/proc/self/", "/proc/thread-self/"]

    @Test(arguments: [("shop.pg.sql", "postgres"), ("shop.mariadb.sql", "mariadb")])
    func aServerWritesOnlyInTheSandbox(_ file: String, _ target: String) throws {
        let work = TestEnvironment.scratch("writes")
        defer { TestEnvironment.remove(work) }
        let production = "/var/backups/db/\(file)"
        let archive = DumpFixture.archive([production: DumpFixture.bytes("\(DumpFixture.shopDumps)/\(file)")], in: work)
        try DumpFixture.plan(archive: archive, entries: [ShopDumpTests.entry(production, target: target)])
            .write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.run(
            "/usr/bin/strace",
            [
                "-f", "-qq", "-y", "-e", "trace=\(Self.calls)", "-e", "status=successful", "-o", work + "/trace",
                TestEnvironment.binary, "verify", work + "/plan.yml", "--now", TestEnvironment.demoNow,
                "--report-dir", work + "/r", "--scratch", work + "/r",
            ])
        #expect(result.code == 0, "\(result.all)")
        let trace = try String(contentsOfFile: work + "/trace", encoding: .utf8)
        let lines = trace.split(separator: "\n").map(String.init)
        let outside = lines.compactMap(Self.writtenPath).filter { path in
            !path.hasPrefix(work + "/") && !Self.harmless.contains { path.hasPrefix($0) }
        }
        // PostgreSQL 15's initdb probes and uses POSIX shared memory before any setting can
        // apply (initdb -c came in 16): its segments must be gone again. The server itself
        // runs with dynamic_shared_memory_type=mmap (segments in its data directory).
        let segments = Set(outside.filter { $0.hasPrefix("/dev/shm/PostgreSQL.") })
        for segment in segments {
            #expect(lines.contains { $0.contains("unlink(\"\(segment)\")") }, "\(segment) left in /dev/shm")
        }
        let changed = outside.filter { !segments.contains($0) }
        #expect(changed.isEmpty, "written outside the sandbox: \(Set(changed).sorted())")
        #expect(trace.contains("mariadbd") || trace.contains("postgres"), "the trace saw no server")
    }

    /// The absolute path a traced call changed, or nil when it only read (an open without
    /// write or create flags) or named a path relative to a process's own directory.
    static func writtenPath(_ line: String) -> String? {
        guard let call = line.firstMatch(of: #/^\d+\s+(\w+)\((.*)\)\s+=/#) else { return nil }
        let name = String(call.1)
        let arguments = String(call.2)
        if name.hasPrefix("open") || name == "creat" {
            guard
                name == "creat" || arguments.contains("O_WRONLY") || arguments.contains("O_RDWR")
                    || arguments.contains("O_CREAT") || arguments.contains("O_TRUNC")
            else { return nil }
        }
        // `-y` prints a descriptor with its path: `3</srv/dir>`; a name follows in quotes.
        var directory: String?
        if let fd = arguments.firstMatch(of: #/^\d+<([^>]*)>/#) { directory = String(fd.1) }
        guard let quoted = arguments.firstMatch(of: #/"([^"]*)"/#) else { return directory }
        let path = String(quoted.1)
        if path.hasPrefix("/") { return path }
        return directory.map { $0 + "/" + path }
    }
}
