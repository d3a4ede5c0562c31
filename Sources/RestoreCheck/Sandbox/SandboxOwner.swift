import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Which process a sandbox belongs to: its pid and the process's start time (so a reused pid
/// is not taken for the owner). Written as `owner` in the sandbox when it is made.
struct SandboxOwner: Equatable {
    static let fileName = "owner"

    var pid: Int32
    var startTime: UInt64

    var text: String { "\(pid) \(startTime)\n" }

    static func current() -> SandboxOwner {
        SandboxOwner(pid: getpid(), startTime: startTime(of: getpid()) ?? 0)
    }

    init(pid: Int32, startTime: UInt64) {
        self.pid = pid
        self.startTime = startTime
    }

    init?(text: String) {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let pid = Int32(fields[0]), let start = UInt64(fields[1]) else { return nil }
        self.init(pid: pid, startTime: start)
    }

    /// The owner still runs: its pid exists and started when the record says.
    var isAlive: Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        return Self.startTime(of: pid) == startTime
    }

    /// Field 22 of /proc/PID/stat (clock ticks after boot); the command name may hold spaces,
    /// so fields are counted after its closing parenthesis.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After ")": state is field 3, so field 22 is index 19.
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
