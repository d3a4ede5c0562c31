import Foundation

/// `restorecheck verify`: the plan (or one archive) → each set verified → history, reports,
/// metrics and the console summary → the exit code. The command line only builds the
/// request; everything a run does is here, so tests drive it in-process.
public struct VerifyRun {
    public let request: VerifyRequest
    public let environment: RunEnvironment

    public init(request: VerifyRequest, environment: RunEnvironment) {
        self.request = request
        self.environment = environment
    }

    /// The exit code: 0 verified, 1 failed, 2 could not verify, 64 usage, 78 plan, 130 interrupted.
    public func run() -> Int32 {
        do {
            return try verify().exitCode
        } catch {
            return exitCode(reporting: error, to: environment.output)
        }
    }

    /// The run's report, once every output is written.
    public func verify() throws -> RunReport {
        ProcessLocale.useUTF8()
        let plan = try PlanSelection.plan(
            path: request.planPath, archive: request.archive, latest: request.latest,
            setNames: request.setNames, formats: request.output.formats, name: request.name, maxAge: request.maxAge)
        let notifier = Notifier(targets: plan.notify + request.notify, output: environment.output)
        let warnings = notifier.started()
        do {
            return try verify(plan, notifier: notifier, warnings: warnings)
        } catch {
            notifier.stopped(error)
            throw error
        }
    }

    private func verify(_ plan: Plan, notifier: Notifier, warnings: [String]) throws -> RunReport {
        var report = try RunReport.collect(
            plan, path: request.planPath, now: request.now, strict: request.strict,
            environment: environment
        ) { set, now in
            try SetVerification(set: set, request: request, environment: environment, now: now).run()
        }
        let outputs = RunOutputs(
            environment: environment,
            directory: ReportLocation.resolve(
                flag: request.output.reportDirectory, plan: plan.reports.directory, variables: environment.variables),
            formats: plan.reports.formats, mode: plan.reports.mode, console: request.output.console,
            junitFile: request.output.junitFile, jsonFile: request.output.jsonFile)
        report.warnings = warnings
        outputs.recordHistory(&report)
        if let metricsFile = request.metricsFile { outputs.writeMetrics(report, to: metricsFile) }
        return try outputs.write(report, notifier: notifier).report
    }
}

extension RunReport {
    /// Runs `verifySet` on each of the plan's sets, in order, into one report stamped with the
    /// environment's host, version and start; `now` (default: the start) is the age clock.
    static func collect(
        _ plan: Plan, path: String?, now: Date?, strict: Bool, environment: RunEnvironment,
        _ verifySet: (BackupSetPlan, Date) throws -> SetReport
    ) throws -> RunReport {
        let startedAt = environment.clock.now()
        let started = environment.clock.monotonic()
        var report = RunReport(
            version: environment.version, host: environment.host, startedAt: startedAt,
            now: now ?? startedAt, plan: path, strict: strict)
        for set in plan.sets { report.sets.append(try verifySet(set, report.now)) }
        report.seconds = environment.clock.monotonic() - started
        return report
    }
}

/// `restorecheck diff`: each set's backup restored and compared with the live tree; reports
/// and the console summary, exit 1 when they differ. Not recorded in the history, which is
/// the nightly verdicts' record.
public struct DiffRun {
    public let request: DiffRequest
    public let environment: RunEnvironment

    public init(request: DiffRequest, environment: RunEnvironment) {
        self.request = request
        self.environment = environment
    }

    public func run() -> Int32 {
        do {
            return try compare().exitCode
        } catch {
            return exitCode(reporting: error, to: environment.output)
        }
    }

    public func compare() throws -> RunReport {
        ProcessLocale.useUTF8()
        var plan = try PlanSelection.plan(
            path: request.planPath, archive: request.archive, latest: request.latest,
            setNames: request.setName.map { [$0] } ?? [], formats: request.output.formats)
        if let prefix = request.prefix {
            for index in plan.sets.indices { plan.sets[index].layout.prefix = prefix }
        }
        let report = try RunReport.collect(
            plan, path: request.planPath, now: nil, strict: false, environment: environment
        ) { set, now in
            try SetComparison(set: set, request: request, environment: environment, now: now).run()
        }
        let outputs = RunOutputs(
            environment: environment,
            directory: ReportLocation.resolve(
                flag: request.output.reportDirectory, plan: plan.reports.directory, variables: environment.variables),
            formats: plan.reports.formats, mode: plan.reports.mode, console: request.output.console,
            junitFile: request.output.junitFile, jsonFile: request.output.jsonFile)
        try outputs.write(report)
        return report
    }
}
