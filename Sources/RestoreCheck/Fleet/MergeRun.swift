import Foundation

/// What `restorecheck merge` is asked to do: the shards' directories and where the merged run goes.
public struct MergeRequest: Sendable {
    /// Shard directories (holding `shard.json`), or report directories holding `shards/*/`.
    public var directories: [String]
    /// Only shards of this fleet run count (`--run-id`); others are leftovers.
    public var runID: String?
    public var metricsFile: String?
    public var pushgateway: String?
    public var output = RunOutputRequest()

    public init(directories: [String]) { self.directories = directories }
}

/// `restorecheck merge`: the shards of one fleet run become one run, as if one process had
/// verified the whole plan: one run page, one JUnit, one JSON, each set's pages, the history
/// appended once. A shard that never reported is not a gap but an error in the merged run,
/// naming the shard and each set it should have verified.
public struct MergeRun {
    public let request: MergeRequest
    public let environment: RunEnvironment

    public init(request: MergeRequest, environment: RunEnvironment) {
        self.request = request
        self.environment = environment
    }

    public func run() -> Int32 {
        do {
            return try merge().exitCode
        } catch {
            return exitCode(reporting: error, to: environment.output)
        }
    }

    public func merge() throws -> RunReport {
        let shards = try ShardCollection.load(request.directories, runID: request.runID)
        var report = RunReport(
            version: environment.version, host: shards.hosts.joined(separator: ", "),
            startedAt: shards.startedAt ?? environment.clock.now(), now: shards.now ?? environment.clock.now(),
            plan: shards.plan, strict: shards.strict)
        report.sets = shards.sets
        report.warnings = shards.warnings
        for warning in shards.warnings { environment.output.warn("restorecheck: warning: \(warning)") }
        report.seconds = shards.seconds
        let outputs = RunOutputs(
            environment: environment,
            directory: ReportLocation.resolve(
                flag: request.output.reportDirectory, plan: nil, variables: environment.variables),
            formats: request.output.formats ?? ReportSettings.Format.allCases, mode: 0o600,
            console: request.output.console, junitFile: request.output.junitFile, jsonFile: request.output.jsonFile)
        outputs.recordHistory(&report)
        if let metricsFile = request.metricsFile { outputs.writeMetrics(report, to: metricsFile) }
        if let gateway = request.pushgateway { outputs.push(&report, to: gateway) }
        return try outputs.write(report).report
    }
}
