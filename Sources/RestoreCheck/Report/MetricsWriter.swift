import Foundation

/// The nightly job's metrics: Prometheus textfile-collector format (node_exporter reads
/// `*.prom` files; the file is written to a temporary name and renamed, as it requires).
public struct MetricsWriter {
    public let path: String
    public init(path: String) { self.path = path }

    /// `writtenAt` is when the run ended (the last-run timestamp); a set's last success is
    /// this run when it passed, else the history's `last_passed`.
    /// `kept`: samples of sets this run did not verify (`--set`), by metric, carried over from
    /// the file as it was, so one set's run does not wipe the others' series.
    public func render(_ report: RunReport, at writtenAt: Date, keeping kept: [String: [String]] = [:]) -> String {
        var families: [(name: String, help: String, samples: [String])] = []
        func family(_ name: String, _ help: String, _ samples: [String]) {
            families.append((name, help, (kept[name] ?? []) + samples))
        }
        let now = writtenAt.timeIntervalSince1970
        let sets = report.sets
        family(
            "restorecheck_last_run_timestamp_seconds", "When restorecheck last verified the set (Unix time).",
            sets.map { "restorecheck_last_run_timestamp_seconds{set=\"\(Self.label($0.name))\"} \(Self.number(now))" })
        family(
            "restorecheck_last_success_timestamp_seconds",
            "When the set last passed verification (Unix time; 0: never).",
            sets.map { set in
                let passed = set.verdict == .pass ? now : (set.lastPassed?.timeIntervalSince1970 ?? 0)
                return
                    "restorecheck_last_success_timestamp_seconds{set=\"\(Self.label(set.name))\"} "
                    + "\(Self.number(passed))"
            })
        family(
            "restorecheck_verdict", "The set's verdict: 1 for the one that holds (pass, fail, error).",
            sets.flatMap { set in
                Verdict.allCases.map {
                    "restorecheck_verdict{set=\"\(Self.label(set.name))\",verdict=\"\($0.rawValue)\"} "
                        + "\($0 == set.verdict ? 1 : 0)"
                }
            })
        family(
            "restorecheck_checks", "Checks of the last run by outcome.",
            sets.flatMap { set in
                CheckStatus.allCases.map {
                    "restorecheck_checks{set=\"\(Self.label(set.name))\",status=\"\($0.rawValue)\"} \(set.count($0))"
                }
            })
        let clock = report.now.timeIntervalSince1970
        family(
            "restorecheck_backup_age_seconds", "Age of the verified archive at the run's clock (--now).",
            sets.compactMap { set in
                set.archive?.mtime.map {
                    "restorecheck_backup_age_seconds{set=\"\(Self.label(set.name))\"} "
                        + "\(Self.number(max(0, clock - $0.timeIntervalSince1970)))"
                }
            })
        family(
            "restorecheck_archive_bytes", "Size of the verified archive.",
            sets.compactMap { set in
                set.archive.map { "restorecheck_archive_bytes{set=\"\(Self.label(set.name))\"} \($0.sizeBytes)" }
            })
        family(
            "restorecheck_restored_bytes", "Bytes restored into the sandbox.",
            sets.compactMap { set in
                set.archive.map { "restorecheck_restored_bytes{set=\"\(Self.label(set.name))\"} \($0.restoredBytes)" }
            })
        family(
            "restorecheck_rows_imported", "Rows in the restored dumps' tables.",
            sets.map { set in
                "restorecheck_rows_imported{set=\"\(Self.label(set.name))\"} "
                    + "\(set.databases.reduce(0) { $0 + $1.totalRows })"
            })
        family(
            "restorecheck_phase_duration_seconds", "Time spent in each phase of the last run.",
            sets.flatMap { set in
                set.durations.map { duration in
                    "restorecheck_phase_duration_seconds{set=\"\(Self.label(set.name))\",phase=\""
                        + "\(duration.phase.rawValue)\"} \(Self.number(duration.seconds))"
                }
            })
        family(
            "restorecheck_duration_seconds", "Duration of the set's verification.",
            sets.map { "restorecheck_duration_seconds{set=\"\(Self.label($0.name))\"} \(Self.number($0.seconds))" })
        return families.filter { !$0.samples.isEmpty }.map { family in
            (["# HELP \(family.name) \(family.help)", "# TYPE \(family.name) gauge"] + family.samples).joined(
                separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    public func write(_ report: RunReport, at writtenAt: Date) throws {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let kept = Self.samples(in: existing, notOf: Set(report.sets.map { Self.label($0.name) }))
        let text = render(report, at: writtenAt, keeping: kept)
        try AtomicFile.write(Data(text.utf8), to: path, what: "the metrics file")
    }

    /// Sample lines of a metrics file whose `set` label is none of `sets`, by metric name.
    static func samples(in text: String, notOf sets: Set<String>) -> [String: [String]] {
        var kept: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let brace = line.firstIndex(of: "{"), line[brace...].hasPrefix("{set=\"") else { continue }
            var value = ""
            var index = line.index(brace, offsetBy: 6)
            while index < line.endIndex, line[index] != "\"" {
                if line[index] == "\\", line.index(after: index) < line.endIndex {
                    value.append(line[index])
                    index = line.index(after: index)
                }
                value.append(line[index])
                index = line.index(after: index)
            }
            guard !sets.contains(value) else { continue }
            kept[String(line[..<brace]), default: []].append(String(line))
        }
        return kept
    }

    /// A label value with `\`, `"` and newlines escaped, as the exposition format wants.
    static func label(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }
}
