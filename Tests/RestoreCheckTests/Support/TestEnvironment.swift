import Foundation

/// Paths and processes the end-to-end tests share: the built binary, the fixtures, scratch
/// directories, and a runner that captures exit code and output.
enum TestEnvironment {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Fixtures/demo").path
    static let demoPlan = fixtures + "/plan.yml"
    static let demoArchive = fixtures + "/backups/demo-2026-11-26.tar.gz"
    static let schema = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/junit-10.xsd").path
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
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    struct Result {
        var code: Int32
        var out: String
        var err: String
        var all: String { out + err }
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, cwd: String? = nil,
                    environment: [String: String] = [:]) -> Result {
        let process = Process()
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin { process.standardInput = FileHandle(forReadingAtPath: stdin) } else { process.standardInput = FileHandle.nullDevice }
        try! process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `restorecheck verify …` with reports going into `reports`.
    @discardableResult
    static func verify(_ arguments: [String], reports: String, stdin: String? = nil, environment: [String: String] = [:]) -> Result {
        run(binary, ["verify"] + arguments + ["--report-dir", reports, "--scratch", reports], stdin: stdin, environment: environment)
    }

    /// Runs a shell command line (for the real tools that make and damage archives).
    @discardableResult
    static func shell(_ command: String) -> Result {
        run("/bin/bash", ["-c", command])
    }

    /// A report file of the newest run in a report directory (`DIR/<set>/latest/FILE`); with
    /// several sets, the first set's in name order.
    static func latestReport(_ directory: String, _ file: String = "report.json") -> String {
        let sets = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for set in sets where FileManager.default.fileExists(atPath: "\(directory)/\(set)/latest/\(file)") {
            return "\(directory)/\(set)/latest/\(file)"
        }
        return "\(directory)/\(file)"
    }

    static func json(_ path: String) -> [String: Any] {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    static func checks(in reportJSON: [String: Any]) -> [[String: Any]] {
        ((reportJSON["sets"] as? [[String: Any]]) ?? []).flatMap { ($0["checks"] as? [[String: Any]]) ?? [] }
    }
}
