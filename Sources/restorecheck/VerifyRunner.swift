import Foundation
import RestoreCheck

/// Runs `verify`: loads the plan (or builds one from the flags), verifies each set, writes the
/// reports and the console summary, and returns the exit code. Errors that stop the run are
/// printed as one line naming the file and cause.
struct VerifyRunner {
    let planPath: String?
    let setName: String?
    let reportDir: String?
    let formats: String?
    let options: VerifyOptions
    let console: ConsoleReporter
    /// `diff --prefix`: the production path the archive's root (and the live root) stands for.
    var prefix: String?
    /// `--metrics-file`: Prometheus textfile output for the nightly job.
    var metricsFile: String?

    init(planPath: String?, setName: String?, reportDir: String?, formats: String?, options: VerifyOptions, console: ConsoleReporter) {
        self.planPath = planPath
        self.setName = setName
        self.reportDir = reportDir
        self.formats = formats
        self.options = options
        self.console = console
    }

    func run() -> Int32 {
        do {
            return try verify()
        } catch let error as RestoreCheckError {
            ProgressLine.shared.clear()
            printError("restorecheck: \(error)")
            return error.exitCode
        } catch {
            printError("restorecheck: \(error)")
            return 2
        }
    }

    private func verify() throws -> Int32 {
        var plan = try planPath.map { try PlanLoader().load(path: $0) } ?? adHocPlan()
        if let setName {
            plan.sets = plan.sets.filter { $0.name == setName }
            guard !plan.sets.isEmpty else { throw RestoreCheckError(.usage, "the plan has no set named '\(setName)'") }
        }
        if (options.archive != nil || options.latest != nil) && plan.sets.count > 1 {
            throw RestoreCheckError(.usage, "--archive/--latest name one archive, but the plan has \(plan.sets.count) sets: pick one with --set NAME")
        }
        if let prefix {
            for index in plan.sets.indices { plan.sets[index].layout.prefix = prefix }
        }
        if let formats {
            plan.reports.formats = try formats.split(separator: ",").map { name in
                guard let format = ReportSettings.Format(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw RestoreCheckError(.usage, "unknown --format '\(name)' (known: junit, json, html)")
                }
                return format
            }
        }
        let started = Date()
        var report = RunReport(startedAt: started, now: options.now, plan: planPath, strict: options.strict)
        for set in plan.sets {
            let result = try SetVerifier(set: set, options: options).verify()
            ProgressLine.shared.clear()
            report.sets.append(result)
        }
        report.seconds = Date().timeIntervalSince(started)
        let directory = reportDir ?? plan.reports.directory
        let lastSuccess = recordHistory(&report, directory: directory)
        let paths = try ReportWriter(directory: directory, formats: plan.reports.formats).write(report)
        if let metricsFile {
            do { try MetricsWriter(path: metricsFile).write(report, lastSuccess: lastSuccess) } catch {
                printError("restorecheck: warning: metrics not written: \(error)")
            }
        }
        print(console.render(report, reportPaths: paths), terminator: "")
        return report.exitCode
    }

    /// Reads each set's earlier runs (for the reports: when it last passed, the last 30 runs)
    /// and appends this run. A history that cannot be read or written is a warning on stderr,
    /// never a change of verdict. Returns when each set last passed.
    private func recordHistory(_ report: inout RunReport, directory: String) -> [String: Date] {
        let history = RunHistory(reportDirectory: directory)
        var lastSuccess: [String: Date] = [:]
        do {
            for index in report.sets.indices {
                let earlier = try history.entries(set: report.sets[index].name)
                report.sets[index].history = earlier
                report.sets[index].lastPassed = earlier.first { $0.verdict == "pass" }?.time
                if let last = report.sets[index].lastPassed, let date = ISO8601DateFormatter().date(from: last) {
                    lastSuccess[report.sets[index].name] = date
                }
            }
            for set in report.sets { try history.append(RunHistory.entry(for: set, at: report.startedAt)) }
        } catch {
            printError("restorecheck: warning: the run history (\(history.path)) could not be kept: \(error)")
        }
        return lastSuccess
    }

    private func adHocPlan() -> Plan {
        let source = options.archive ?? options.latest ?? "backup"
        var name = (source as NSString).lastPathComponent
        for suffix in ArchiveLocator.suffixes.sorted(by: { $0.count > $1.count }) where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        name = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        return Plan(sets: [BackupSetPlan(name: name == "-" || name.isEmpty ? "stdin" : name)])
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
