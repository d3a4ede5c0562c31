import Foundation
import RestoreCheck
import Testing

/// Paths and processes the end-to-end tests share: the built binary, the fixtures, scratch
/// directories, and a runner that captures exit code and output.
enum TestEnvironment {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Fixtures/demo").path
    static let demoPlan = fixtures + "/plan.yml"
    static let demoArchive = fixtures + "/backups/demo-2026-11-26.tar.gz"
    /// The Jenkins JUnit schema (MIT, Gregory Boissinot), kept in the repository.
    static let schema = packageRoot.appendingPathComponent("Fixtures/schemas/junit-10.xsd").path
    static let demoNow = "2026-11-26T06:00:00Z"

    /// The `restorecheck` binary built next to the test bundle.
    static var binary: String {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("restorecheck").path,
            packageRoot.appendingPathComponent(".build/debug/restorecheck").path,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// A fresh directory for one test, removed by the caller's `defer`.
    static func scratch(_ label: String = "t") -> String {
        let path = NSTemporaryDirectory() + "rc-test-\(label)-\(UUID().uuidString.prefix(8))"
        if mkdir(path, 0o755) != 0 { Issue.record("cannot create the scratch directory \(path): errno \(errno)") }
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    struct Result {
        var code: Int32
        var out: String
        var err: String
        var all: String { out + err }
    }

    /// Runs a program and collects its exit code and output. Both pipes are drained at once
    /// on their own threads (a child that fills stderr while we wait on stdout would hang),
    /// and reads retry on EINTR. A program that cannot start is a recorded test issue naming
    /// it, never a crash of the runner.
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], stdin: String? = nil, cwd: String? = nil,
        environment: [String: String] = [:], emptyEnvironment: Bool = false
    ) -> Result {
        let process = Process()
        if emptyEnvironment {
            // As cron starts a job: no LANG, no PATH, only what the caller names.
            process.environment = environment
        } else if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            process.standardInput = FileHandle(forReadingAtPath: stdin)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do { try process.run() } catch {
            let tool = (executable as NSString).lastPathComponent
            let package = debianPackages[tool].map { " (apt-get install \($0), or run make deps)" } ?? ""
            Issue.record("cannot start \(executable)\(package): \(error)")
            return Result(code: -1, out: "", err: "cannot start \(executable): \(error)")
        }
        let outText = PipeDrain(out.fileHandleForReading.fileDescriptor)
        let errText = PipeDrain(err.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        return Result(code: process.terminationStatus, out: outText.text(), err: errText.text())
    }

    /// Runs `restorecheck verify …` with reports going into `reports`.
    @discardableResult
    static func verify(
        _ arguments: [String], reports: String, stdin: String? = nil, environment: [String: String] = [:]
    ) -> Result {
        let result = run(
            binary, ["verify"] + arguments + ["--report-dir", reports, "--scratch", reports], stdin: stdin,
            environment: environment)
        ReportSchema.checkLatest(in: reports)
        return result
    }

    /// Runs a shell command line (for the real tools that make and damage archives). A tool
    /// that is not installed fails the test naming the Debian package that brings it (`make
    /// deps` installs them all), instead of passing on an empty result.
    @discardableResult
    static func shell(_ command: String) -> Result {
        let result = run("/bin/bash", ["-c", command])
        if result.code == 127, let missing = result.err.firstMatch(of: #/([\w.+-]+): command not found/#) {
            let tool = String(missing.1)
            Issue.record("\(tool) is not installed: apt-get install \(debianPackages[tool] ?? tool) (or run make deps)")
        }
        return result
    }

    /// The Debian package of each tool the tests run.
    static let debianPackages = [
        "bsdtar": "libarchive-tools", "xmllint": "libxml2-utils", "mtree": "mtree-netbsd", "zip": "zip",
        "unzip": "unzip",
        "cpio": "cpio", "zstd": "zstd", "xz": "xz-utils", "bzip2": "bzip2", "sqlite3": "sqlite3", "ps": "procps",
        "pg_dump": "postgresql-client", "pg_restore": "postgresql-client", "psql": "postgresql-client",
        "mariadb": "mariadb-client", "mariadb-dump": "mariadb-client", "chromium": "chromium", "promtool": "prometheus",
        "python3": "python3", "tar": "tar", "gzip": "gzip", "strace": "strace",
    ]

    /// A report file of the newest run in a report directory (`DIR/<set>/latest/FILE`); with
    /// several sets, the first set's in name order.
    static func latestReport(_ directory: String, _ file: String = "report.json") -> String {
        let sets = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for set in sets where FileManager.default.fileExists(atPath: "\(directory)/\(set)/latest/\(file)") {
            return "\(directory)/\(set)/latest/\(file)"
        }
        return "\(directory)/\(file)"
    }

    /// A `report.json` decoded into the model; a report that does not decode fails the test
    /// naming the file, and so does a missing one unless the caller allows it (a run that
    /// stopped on a bad plan writes none).
    static func report(_ path: String, required: Bool = true) -> RunReport? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if required { Issue.record("no report at \(path)") }
            return nil
        }
        do { return try JSONReporter.decode(data) } catch {
            Issue.record("\(path) does not decode as a report: \(error)")
            return nil
        }
    }

    /// Every check of every set in a `report.json` (none when the run wrote no report: the
    /// caller's expectations on the checks then fail).
    static func checks(inReport path: String) -> [CheckResult] {
        report(path, required: false)?.sets.flatMap(\.checks) ?? []
    }

    /// Data files the tests read (the datasets' row counts and content checks).
    static func json(_ path: String) -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else {
            Issue.record("cannot read the JSON file \(path)")
            return [:]
        }
        return object
    }
}
