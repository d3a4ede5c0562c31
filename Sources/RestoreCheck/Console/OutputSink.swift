import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a run's words go: the summary a person or a cron mail reads, warnings, and a
/// progress line that only a watching terminal should see. Commands run through one, so
/// a test can capture everything a run says without spawning the binary.
public protocol OutputSink: AnyObject, Sendable {
    /// The run's summary (standard output).
    func say(_ text: String)
    /// A warning or an error (standard error).
    func warn(_ text: String)
    /// Replace the progress line with `line` (only shown where someone watches).
    func progress(_ line: String)
    /// Remove the progress line, before the summary is printed.
    func clearProgress()
}

/// Standard output and standard error; the progress line is drawn on stderr only when it is
/// a terminal (and the run is not quiet).
public final class TerminalOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private let showsProgress: Bool
    private var progressShown = false

    public init(showsProgress: Bool) {
        self.showsProgress = showsProgress
    }

    public func say(_ text: String) {
        clearProgress()
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func warn(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    public func progress(_ line: String) {
        guard showsProgress else { return }
        lock.lock()
        defer { lock.unlock() }
        progressShown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    public func clearProgress() {
        lock.lock()
        defer { lock.unlock() }
        if progressShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        progressShown = false
    }

    /// Progress only for a person watching a terminal on stderr.
    public static func stderrIsTerminal() -> Bool { isatty(STDERR_FILENO) == 1 }
}

/// Keeps everything a run says, for tests and for embedding the library.
public final class CapturedOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var sayings: [String] = []
    private var warnings: [String] = []
    private var progressLines: [String] = []

    public init() {}

    public var text: String { lock.withLock { sayings.joined() } }
    public var warningLines: [String] { lock.withLock { warnings } }
    public var progressShown: [String] { lock.withLock { progressLines } }

    public func say(_ text: String) { lock.withLock { sayings.append(text) } }
    public func warn(_ text: String) { lock.withLock { warnings.append(text) } }
    public func progress(_ line: String) { lock.withLock { progressLines.append(line) } }
    public func clearProgress() {}
}
