import ArgumentParser
import Foundation
import RestoreCheck

/// `restorecheck merge`: the shards of a fleet run (`verify --shard I/N` on many machines)
/// become one run, as if one process had verified the whole plan.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shards of a fleet run into one run: one page, one JUnit, one JSON, one history.",
        discussion: """
            Examples:
              restorecheck merge /reports --report-dir /reports                 # /reports/shards/*/
              restorecheck merge /reports/shards/0 /reports/shards/1 --junit ci/junit.xml

            Each shard left REPORT-DIR/shards/I/shard.json when it started and its run when it finished. \
            A shard that started and never finished (killed, evicted), or never started, is an error in the \
            merged run naming the shard and each of its sets, so the merged verdict cannot pass without \
            every set. Shards of another run (another --run-id, or started more than 12 hours before the \
            newest) are left out with a warning. Exit codes as for verify.
            """
    )

    @Argument(help: "Shard directories (holding shard.json), or report directories holding shards/*/.")
    var directories: [String]

    @Option(name: .long, help: ArgumentHelp("Only shards of this fleet run count.", valueName: "id"))
    var runID: String?

    @OptionGroup var metrics: MetricsOptions

    @OptionGroup var output: RunOutputOptions

    func run() throws {
        var request = MergeRequest(directories: directories)
        request.runID = runID
        request.metricsFile = metrics.metricsFile
        request.pushgateway = metrics.pushgateway
        do { request.output = try output.request() } catch { throw ValidationError("\(error)") }
        try finish(MergeRun(request: request, environment: output.environment).run())
    }
}
