import CRCSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A helper program restorecheck runs (pg_restore, psql, initdb, mariadbd …): arguments,
/// never a shell; standard error to a file in the sandbox so it can be quoted in a message.
/// Started with posix_spawn and reaped with waitpid: a daemon it leaves behind (pg_ctl start)
/// holds none of our pipes, and every descriptor of ours is close-on-exec.
final class ChildProcess {
    let executable: String
    let arguments: [String]
    let stderrPath: String
    private(set) var pid: pid_t = 0
    private var status: Int32?
    private(set) var outputFD: Int32?
    private(set) var inputFD: Int32?

    init(_ executable: String, _ arguments: [String], stderrPath: String) {
        self.executable = executable
        self.arguments = arguments
        self.stderrPath = stderrPath
    }

    deinit {
        closeInput()
        if let outputFD { close(outputFD) }
        if pid > 0, status == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
    }

    /// Starts it. `captureOutput` gives `outputFD` to read its standard output from,
    /// `feedInput` gives `inputFD` to write its standard input to, `inputFrom` hands it a
    /// descriptor of ours as standard input (its owner closes our copy).
    func start(captureOutput: Bool = false, feedInput: Bool = false, inputFrom: FileDescriptor? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var toClose: [Int32] = []
        defer { for fd in toClose { close(fd) } }

        if let inputFrom {
            posix_spawn_file_actions_adddup2(&actions, inputFrom.raw, 0)
        } else if feedInput {
            let (read, write) = try Self.pipe()
            posix_spawn_file_actions_adddup2(&actions, read, 0)
            toClose.append(read)
            inputFD = write
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if captureOutput {
            let (read, write) = try Self.pipe()
            posix_spawn_file_actions_adddup2(&actions, write, 1)
            toClose.append(write)
            outputFD = read
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling (we ignore SIGPIPE; psql must not).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw RestoreCheckError(.io, "cannot start \(executable)", errno: rc) }
    }

    /// A close-on-exec pipe: only the end dup'ed onto the child's 0/1 reaches it.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard rc_pipe_cloexec(&fds) == 0 else { throw RestoreCheckError(.io, "cannot create a pipe", errno: errno) }
        return (fds[0], fds[1])
    }

    /// Closes our end of its input so it sees the end of data.
    func closeInput() {
        if let inputFD { close(inputFD) }
        inputFD = nil
    }

    var isRunning: Bool {
        guard status == nil, pid > 0 else { return false }
        var raw: Int32 = 0
        let reaped = waitpid(pid, &raw, WNOHANG)
        if reaped == pid { status = Self.decode(raw) }
        return status == nil
    }

    /// Waits for it; its exit status (128+signal when killed).
    @discardableResult
    func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            if errno != EINTR {
                status = 127
                return 127
            }
        }
        status = Self.decode(raw)
        return status!
    }

    func terminate() { if pid > 0, status == nil { kill(pid, SIGTERM) } }

    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    }

    /// The last lines it wrote to standard error, for messages.
    func errorText(lines: Int = 6) -> String {
        let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: " | ")
    }

    /// The client's first error, from its first `ERROR` line on, on one line: what a person
    /// needs (the line number and the engine's message), without the echo of the statement.
    func firstError(limit: Int = 400) -> String {
        let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains("ERROR") }) else { return errorText(lines: 3) }
        let joined = lines[start...].joined(separator: " | ")
        return joined.count > limit ? String(joined.prefix(limit)) + "…" : joined
    }

    /// Runs to the end and returns (status, standard output, the end of standard error).
    static func run(
        _ executable: String, _ arguments: [String], stderrPath: String,
        input: [UInt8]? = nil, captureOutput: Bool = true
    ) throws -> (status: Int32, output: [UInt8], errors: String) {
        let child = ChildProcess(executable, arguments, stderrPath: stderrPath)
        try child.start(captureOutput: captureOutput, feedInput: input != nil)
        if let input, let fd = child.inputFD {
            _ = input.withUnsafeBytes { writeAll(fd, $0) }
            child.closeInput()
        }
        var output: [UInt8] = []
        if let fd = child.outputFD {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                output += buffer.prefix(count)
            }
        }
        let status = child.wait()
        return (status, output, child.errorText())
    }
}

/// write(2) until done; false when the reader went away (EPIPE: SIGPIPE is ignored).
@discardableResult
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += written
    }
    return true
}
