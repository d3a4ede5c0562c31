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
            let report = try verify()
            // A shard whose share of the plan is empty has nothing to fail.
            if request.shard != nil && report.sets.isEmpty { return 0 }
            return report.exitCode
        } catch {
            return exitCode(reporting: error, to: environment.output)
        }
    }

    /// The run's report, once every output is written.
    public func verify() throws -> RunReport {
        ProcessLocale.useUTF8()
        var plan = try PlanSelection.plan(
            path: request.planPath, archive: request.archive, latest: request.latest,
            setNames: request.setNames, formats: request.output.formats, name: request.name, maxAge: request.maxAge)
        var directory = ReportLocation.resolve(
            flag: request.output.reportDirectory, plan: plan.reports.directory, variables: environment.variables)
        var record: ShardRecord?
        if let shard = request.shard {
            record = ShardRecord(
                index: shard.index, count: shard.count,
                runID: request.runID ?? environment.variables["RESTORECHECK_RUN_ID"], host: environment.host,
                startedAt: environment.clock.now(), planSets: plan.sets.map(\.name),
                sets: plan.sets.map(\.name).filter(shard.owns))
            plan.sets = plan.sets.filter { shard.owns($0.name) }
            // A merge reads each shard's report.json.
            if !plan.reports.formats.contains(.json) { plan.reports.formats.append(.json) }
            directory = ShardRecord.directory(for: shard, under: directory)
            try record?.write(into: directory)
            if plan.sets.isEmpty {
                record?.finishedAt = environment.clock.now()
                try record?.write(into: directory)
                environment.output.warn("restorecheck: shard \(shard): no set of the plan falls to this shard")
                return RunReport(
                    version: environment.version, host: environment.host, startedAt: environment.clock.now(),
                    now: request.now ?? environment.clock.now(), plan: request.planPath, strict: request.strict)
            }
        }
        let notifier = Notifier(targets: plan.notify + request.notify, output: environment.output)
        let warnings = notifier.started()
        do {
            let (report, runDirectory) = try verify(plan, into: directory, notifier: notifier, warnings: warnings)
            if var record {
                record.finishedAt = environment.clock.now()
                record.run = runDirectory.map { "runs/" + ($0 as NSString).lastPathComponent }
                try record.write(into: directory)
            }
            return report
        } catch {
            notifier.stopped(error)
            throw error
        }
    }

    private func verify(_ plan: Plan, into directory: String, notifier: Notifier, warnings: [String]) throws -> (
        RunReport, String?
    ) {
        var report: RunReport
        var lanes = 1
        if request.jobs > 1, plan.sets.count > 1 {
            let workers = LocalWorkers(request: request, environment: environment, plan: plan)
            lanes = workers.affordableJobs()
            report = try RunReport.collect(
                plan, path: request.planPath, now: request.now, strict: request.strict, environment: environment,
                all: { [lanes] _, now in try workers.verify(now: now, lanes: lanes) })
        } else {
            report = try RunReport.collect(
                plan, path: request.planPath, now: request.now, strict: request.strict,
                environment: environment
            ) { set, now in
                try SetVerification(set: set, request: request, environment: environment, now: now).run()
            }
        }
        let outputs = RunOutputs(
            environment: environment, directory: directory, formats: plan.reports.formats, mode: plan.reports.mode,
            console: request.output.console, junitFile: request.output.junitFile, jsonFile: request.output.jsonFile,
            lanes: lanes)
        report.warnings = warnings
        outputs.recordHistory(&report)
        if let metricsFile = request.metricsFile { outputs.writeMetrics(report, to: metricsFile) }
        if let gateway = request.pushgateway { outputs.push(&report, to: gateway) }
        let (written, paths) = try outputs.write(report, notifier: notifier)
        return (written, paths.first.map { ($0 as NSString).deletingLastPathComponent })
    }
}

extension RunReport {
    /// Runs `verifySet` on each of the plan's sets, in order, into one report stamped with the
    /// environment's host, version and start; `now` (default: the start) is the age clock.
    static func collect(
        _ plan: Plan, path: String?, now: Date?, strict: Bool, environment: RunEnvironment,
        _ verifySet: (BackupSetPlan, Date) throws -> SetReport
    ) throws -> RunReport {
        try collect(plan, path: path, now: now, strict: strict, environment: environment) { plan, now in
            try plan.sets.map { try verifySet($0, now) }
        }
    }

    /// As above, with every set verified by one call (`--jobs`: at once, by workers).
    static func collect(
        _ plan: Plan, path: String?, now: Date?, strict: Bool, environment: RunEnvironment,
        all verifySets: (Plan, Date) throws -> [SetReport]
    ) throws -> RunReport {
        let startedAt = environment.clock.now()
        let started = environment.clock.monotonic()
        var report = RunReport(
            version: environment.version, host: environment.host, startedAt: startedAt,
            now: now ?? startedAt, plan: path, strict: strict)
        report.sets = try verifySets(plan, report.now)
        report.seconds = environment.clock.monotonic() - started
        return report
    }
}

/// `restorecheck diff`: each set's backup restored and compared with the live tree; reports
/// and the console summary, exit 1 when they differ. Recorded in the history's own `diffs`
/// table, never among the nightly verdicts.
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
        let plan = try PlanSelection.plan(
            path: request.planPath, archive: request.archive, latest: request.latest,
            setNames: request.setName.map { [$0] } ?? [], formats: request.output.formats)
        var report = try RunReport.collect(
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
        outputs.recordHistory(&report, kind: .diff)
        return try outputs.write(report).report
    }
}
