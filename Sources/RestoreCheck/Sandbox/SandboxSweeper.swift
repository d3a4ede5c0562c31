import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sandboxes left by runs that died without cleaning up (SIGKILL, an OOM kill, power loss):
/// the whole restored tree, secrets included, and perhaps a database server still running on
/// its socket. Each run sweeps those under its scratch directory whose owner is gone, stops
/// their servers, and says what it swept.
enum SandboxSweeper {
    /// A sandbox without an owner record (a run from before records, or one caught between
    /// making its directory and writing the record) is swept only when this old.
    static let unrecordedAge: TimeInterval = 3600

    /// Sweeps `base`; returns one line per sandbox swept (or that could not be).
    static func sweep(_ base: String, now: Date = Date()) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        var said: [String] = []
        for name in names.sorted() where name.hasPrefix("restorecheck-") && name.count == 19 {
            let path = base + "/" + name
            guard let owner = deadOwner(path, now: now) else { continue }
            let servers = stopServers(in: path)
            let removed = Sandbox.removeTree(path)
            var line = "swept the sandbox \(path) left by \(owner)"
            if servers > 0 { line += ", stopping \(plural(servers, "database server"))" }
            said.append(removed ? line : line + ": it could not be removed completely")
        }
        return said
    }

    /// "pid N, no longer running" when the sandbox's owner is gone; nil when it lives (or
    /// the directory is no sandbox of ours).
    private static func deadOwner(_ path: String, now: Date) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        if let text = try? String(contentsOfFile: path + "/" + SandboxOwner.fileName, encoding: .utf8),
            let owner = SandboxOwner(text: text)
        {
            return owner.isAlive ? nil : "pid \(owner.pid), no longer running"
        }
        let age = now.timeIntervalSince1970 - Double(info.st_mtim.tv_sec)
        guard age > unrecordedAge, FileManager.default.fileExists(atPath: path + "/root") else { return nil }
        return "a run that recorded no owner, \(AgeText.format(age)) ago"
    }

    /// Kills every process whose command line names the sandbox (a postgres started with
    /// `-D <sandbox>/…`, a mariadbd with `--datadir=<sandbox>/…`). The sandbox's name is
    /// random and private, so nothing else can match it.
    private static func stopServers(in path: String) -> Int {
        guard let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var stopped = 0
        for entry in pids {
            guard let pid = Int32(entry), pid != getpid(),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { continue }
            let arguments = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            if arguments.contains(path + "/") {
                kill(pid, SIGKILL)
                stopped += 1
            }
        }
        if stopped > 0 { usleep(200_000) }
        return stopped
    }
}
