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
                    throw RestoreCheckError(.usage, "unknown --format '\(name)' (known: junit, json)")
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
        let paths = try ReportWriter(directory: directory, formats: plan.reports.formats).write(report)
        print(console.render(report, reportPaths: paths), terminator: "")
        return report.exitCode
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
