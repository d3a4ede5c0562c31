import Foundation
import RestoreCheck
import Testing

/// Builds small backups that carry SQL dumps, and plans that name them, for the db tests.
enum DumpFixture {
    /// Pagila and Chinook as real servers dumped them (Fixtures/datasets/README.md, with licences).
    static let datasets = TestEnvironment.packageRoot.appendingPathComponent("Fixtures/datasets").path
    static let shopDumps = TestEnvironment.packageRoot.appendingPathComponent("Fixtures/dumps").path

    /// A tar of `files` (production path → bytes), made with GNU tar in `work`.
    static func archive(_ files: [String: [UInt8]], in work: String) -> String {
        let tree = work + "/tree"
        for (path, bytes) in files {
            let disk = tree + path
            do {
                try FileManager.default.createDirectory(
                    atPath: (disk as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                Issue.record("cannot create the directory of \(disk): \(error)")
            }
            _ = FileManager.default.createFile(atPath: disk, contents: Data(bytes))
        }
        let archive = work + "/backup.tar"
        TestEnvironment.shell("tar -C '\(tree)' -cf '\(archive)' .")
        return archive
    }

    /// A fixture's bytes; a missing fixture fails the test naming it (never an empty pass).
    static func bytes(_ path: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("fixture missing or unreadable: \(path)")
            return []
        }
        return Array(data)
    }

    /// The dataset's row counts and content checks for one dump file, as a plan's databases entry.
    static func planEntry(dataset: String, file: String, at production: String, target: String = "sqlite") -> String {
        let counts = TestEnvironment.json("\(datasets)/\(dataset)/row-counts.json")
        var tables = counts["tables"] as? [String: Int] ?? [:]
        for case let engine as [String: Any] in (counts["engines"] as? [String: Any] ?? [:]).values
        where (engine["applies_to"] as? [String] ?? []).contains(file) {
            tables = engine["tables"] as? [String: Int] ?? [:]
        }
        var lines = ["      - dump: \(production)", "        target: \(target)", "        tables:"]
        lines += tables.sorted { $0.key < $1.key }.map { "          \"\($0.key)\": { rows: \($0.value) }" }
        let checks =
            (TestEnvironment.json("\(datasets)/\(dataset)/content-checks.json")["checks"] as? [[String: Any]] ?? [])
            .filter { ($0["applies_to"] as? [String])?.contains(file) ?? true }
        if !checks.isEmpty { lines.append("        assert:") }
        for check in checks {
            lines.append("          - name: \(quoted(check["name"] as? String ?? ""))")
            lines.append("            sql: \(quoted(check["query"] as? String ?? ""))")
            if let hash = check["sha256"] as? String {
                lines.append("            sha256: \(hash)")
            } else {
                lines.append("            equals: \(check["equals_numeric"]!)")
                if let tolerance = check["abs_tolerance"] { lines.append("            tolerance: \(tolerance)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func plan(archive: String, entries: [String]) -> String {
        (["sets:", "  - name: db", "    source: { archive: \(archive) }", "    databases:"] + entries).joined(
            separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The db checks of a run, by name.
    static func dbChecks(_ work: String) -> [String: CheckResult] {
        var out: [String: CheckResult] = [:]
        for check in TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work))) where check.phase == .db {
            out[check.name] = check
        }
        return out
    }
}
