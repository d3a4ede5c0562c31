import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A helper program restorecheck runs (pg_restore, psql, initdb, mariadbd …): arguments, never
/// a shell; standard error to a file in the sandbox so it can be quoted in a message.
final class ChildProcess {
    let process = Process()
    let stderrPath: String
    private var stdoutPipe: Pipe?
    private var stdinPipe: Pipe?

    init(_ executable: String, _ arguments: [String], stderrPath: String, environment: [String: String]? = nil) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        self.stderrPath = stderrPath
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
    }

    /// Starts it; `captureOutput` gives a pipe to read its standard output from, `feedInput` one to write to.
    func start(captureOutput: Bool = false, feedInput: Bool = false, inputFrom: FileHandle? = nil) throws {
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        if captureOutput {
            let pipe = Pipe()
            stdoutPipe = pipe
            process.standardOutput = pipe
        } else {
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        }
        if feedInput {
            let pipe = Pipe()
            stdinPipe = pipe
            process.standardInput = pipe
        } else {
            process.standardInput = inputFrom ?? FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
    }

    var outputFD: Int32? { stdoutPipe?.fileHandleForReading.fileDescriptor }
    var input: FileHandle? { stdinPipe?.fileHandleForWriting }

    /// Closes our end of its input so it sees the end of data.
    func closeInput() { try? stdinPipe?.fileHandleForWriting.close() }

    /// Waits for it; its exit status (128+signal when killed).
    @discardableResult
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// The last lines it wrote to standard error, for messages.
    func errorText(lines: Int = 6) -> String {
        let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: " | ")
    }

    /// Runs to the end and returns (status, standard output).
    static func run(_ executable: String, _ arguments: [String], stderrPath: String,
                    environment: [String: String]? = nil, input: [UInt8]? = nil) throws -> (status: Int32, output: [UInt8], errors: String) {
        let child = ChildProcess(executable, arguments, stderrPath: stderrPath, environment: environment)
        try child.start(captureOutput: true, feedInput: input != nil)
        if let input, let handle = child.input {
            _ = input.withUnsafeBytes { writeAll(handle.fileDescriptor, $0) }
            child.closeInput()
        }
        let output = child.stdoutPipe!.fileHandleForReading.readDataToEndOfFile()
        let status = child.wait()
        return (status, Array(output), child.errorText())
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
