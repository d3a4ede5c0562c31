import Foundation

/// The last step of a run: each set's history (read for the reports, then appended), the
/// report files, the metrics file and the console summary.
struct RunOutputs {
    let environment: RunEnvironment
    let directory: String
    let formats: [ReportSettings.Format]
    var mode: mode_t = 0o600
    let console: ConsoleSettings
    /// `--junit FILE`, `--json FILE` (`-` for stdout).
    var junitFile: String?
    var jsonFile: String?
    /// Report files rendered at once: `--jobs`, as the sets were verified.
    var lanes = 1

    /// Reads each set's earlier runs (when it last passed, the last 30 runs) and appends this
    /// run. A history that cannot be read or written is a warning, never a change of verdict.
    func recordHistory(_ report: inout RunReport, kind: RunHistory.Kind = .verify) {
        let history = RunHistory(reportDirectory: directory, kind: kind)
        do {
            let earlier = try history.entries(sets: report.sets.map(\.name))
            for index in report.sets.indices {
                let runs = earlier[report.sets[index].name] ?? []
                report.sets[index].history = runs
                report.sets[index].lastPassed = runs.first { $0.verdict == .pass }?.time
            }
            try history.append(report.sets.map { HistoryEntry($0, at: report.startedAt) })
        } catch {
            environment.output.warn(
                "restorecheck: warning: the run history (\(history.path)) could not be kept: \(error)")
        }
    }

    /// Writes the reports and prints the summary; returns the report as written (with the
    /// warnings of notifications that failed) and the paths written, the run's page first.
    /// The run's directories are made first, so the notifier's summary names the run's page.
    @discardableResult
    func write(_ report: RunReport, notifier: Notifier? = nil) throws -> (report: RunReport, paths: [String]) {
        var report = report
        var writer = ReportWriter(directory: directory, formats: formats, mode: mode)
        writer.lanes = lanes
        let layout = try writer.prepare(report)
        if let notifier {
            let summary = ConsoleReporter(ConsoleSettings()).render(report, reportPaths: writer.paths(of: layout))
            report.warnings += notifier.finished(report, summary: summary)
        }
        let paths = try writer.write(report, into: layout)
        for (file, reporter) in [(junitFile, JUnitReporter() as Reporter), (jsonFile, JSONReporter())] {
            guard let file else { continue }
            let data = try reporter.render(report)
            if file == "-" {
                environment.output.say(String(decoding: data, as: UTF8.self))
            } else {
                try Self.write(data, to: file, mode: mode)
            }
        }
        // A report on standard output leaves the summary to standard error.
        let summaryToStderr = junitFile == "-" || jsonFile == "-"
        if summaryToStderr, !console.quiet {
            environment.output.warn(ConsoleReporter(console).render(report, reportPaths: paths))
        } else if console.quiet {
            // Cron mails whatever a job prints: a pass says nothing, anything else says why on
            // standard error (the failures and the verdict, as without -q).
            if report.verdict != .pass {
                var loud = console
                loud.quiet = false
                environment.output.warn(ConsoleReporter(loud).render(report, reportPaths: paths))
            }
        } else {
            environment.output.say(ConsoleReporter(console).render(report, reportPaths: paths))
        }
        return (report, paths)
    }

    /// A fixed-path report (`--junit`, `--json`), its directory made if need be.
    static func write(_ data: Data, to file: String, mode: mode_t) throws {
        let path = URL(fileURLWithPath: file).standardized.path
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(data, to: path, mode: mode, what: "the report")
    }

    func writeMetrics(_ report: RunReport, to path: String) {
        do {
            try MetricsWriter(path: path).write(report, at: environment.clock.now())
        } catch {
            environment.output.warn("restorecheck: warning: metrics not written: \(error)")
        }
    }
}

/// A run's failure to start or finish (a bad plan, an unwritable report directory): one line
/// naming the file and the cause, and the exit code its kind calls for.
func exitCode(reporting error: Error, to output: OutputSink) -> Int32 {
    output.clearProgress()
    output.warn("restorecheck: \(error)")
    return (error as? RestoreCheckError)?.exitCode ?? 2
}
