import ArgumentParser
import Foundation
import RestoreCheck

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Restore a backup into a sandbox and verify it.",
        discussion: """
            Examples:
              restorecheck verify --archive /srv/backups/shop-2026-11-26.tar.zst
              restorecheck verify --latest /srv/backups/shop --manifest SHA256SUMS
              ssh vault cat shop.tar.gz | restorecheck verify --archive -
              restorecheck verify plan.yml --now 2026-11-26T06:00:00Z --report-dir Reports/
              restorecheck verify plan.yml -q --metrics-file /var/lib/node_exporter/restorecheck.prom   # nightly, \
              for monitoring

            Each run writes REPORT-DIR/runs/<UTC time>/ (index.html, junit.xml, report.json: every set, the \
            failing ones first) and REPORT-DIR/<set>/<UTC time>/ for each set (report.html, junit.xml, \
            report.json), with `latest` links, and is added to REPORT-DIR/history.sqlite (see `restorecheck \
            history`). REPORT-DIR is --report-dir, else $RESTORECHECK_REPORT_DIR, else the plan's reports.dir, \
            else /var/lib/restorecheck (root) or $XDG_STATE_HOME/restorecheck.

            Without a plan, the newest (or given) archive is restored and checked for readability, \
            safety and any manifest found inside it (SHA256SUMS, MANIFEST.sha256, *.mtree) or beside it \
            (ARCHIVE.mtree); ARCHIVE.sha256 / .sha512 beside it are checked against the archive itself. \
            A plan (YAML) adds expectations: files, modes, owners, link targets, counts, contents. \
            --archive, --latest and --manifest override the plan's `source:` and `manifest:`.

            SQL dumps in the backup (*.sql, *.sql.gz, pg_dump -Fc, SQLite files; or the plan's \
            `databases:`) are re-imported into a throwaway SQLite in the sandbox and checked: the \
            dump is complete, every statement loads, integrity holds, every table's rows are counted. \
            `target: postgres | mariadb` in the plan restores into a temporary real server instead \
            (socket only, started and stopped by restorecheck).
            """
    )

    @Argument(help: "A plan file (YAML), or - for standard input. Optional: without one, give --archive or --latest.")
    var plan: String?

    @Option(name: .long, help: "The archive to verify; '-' reads it from standard input.")
    var archive: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Verify the newest archive in this directory (by mtime, name breaks ties).", valueName: "dir"))
    var latest: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A manifest to check against: checksum lines (sha256sum, --tag) or an mtree spec.", valueName: "file"))
    var manifest: String?

    @Option(name: .customLong("set"), help: "Verify only this set of the plan (repeatable).")
    var setNames: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Without a plan: the set's name (default: the archive's), so history and metrics keep one name "
                + "night after night.", valueName: "name"))
    var name: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Without a plan: the newest copy may be at most this old (26h, 7d); older fails.", valueName: "age"))
    var maxAge: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The clock for age judgements, ISO 8601 (2026-11-26T06:00:00Z).", valueName: "time"))
    var now: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Stop restoring past this many bytes (bomb guard; default 64GiB).", valueName: "size"))
    var maxBytes: String?

    @Option(name: .long, help: ArgumentHelp("Stop at an entry larger than this (default 16GiB).", valueName: "size"))
    var maxEntryBytes: String?

    @Option(name: .long, help: ArgumentHelp("Stop past this many entries (default 2000000).", valueName: "n"))
    var maxEntries: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Tell a monitor at the start and the end (repeatable): healthchecks=URL (pings URL/start, URL or "
                + "URL/fail with the summary), webhook=URL (POSTs a JSON summary), ntfy=URL (the summary as a "
                + "message).",
            valueName: "kind=url"))
    var notify: [String] = []

    @Flag(name: .long, help: "Treat warnings as failures.")
    var strict = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Verify only this shard's share of the plan's sets (I/N, 0-based); reports go to "
                + "REPORT-DIR/shards/I/ for `restorecheck merge`.", valueName: "i/n"))
    var shard: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "As --shard, with I from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).", valueName: "n"))
    var shards: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The fleet run's name, kept with each shard so merge leaves out other runs' shards "
                + "(default: $RESTORECHECK_RUN_ID).", valueName: "id"))
    var runID: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Verify up to this many sets at once, each on its own thread, in its own sandbox (default 1; "
                + "about one per core).",
            valueName: "k"))
    var jobs: Int = 1

    @OptionGroup var metrics: MetricsOptions

    @OptionGroup var output: RunOutputOptions

    func validate() throws {
        if archive != nil && latest != nil { throw ValidationError("--archive and --latest exclude each other") }
        if plan == "-" && archive == "-" {
            throw ValidationError("the plan and the archive cannot both come from standard input")
        }
        if plan == nil && archive == nil && latest == nil {
            throw ValidationError("give a plan file, --archive FILE or --latest DIR (see --help)")
        }
        for target in notify where Notifier.Target.parse(target) == nil {
            throw ValidationError(
                "--notify '\(target)' must be healthchecks=URL, webhook=URL or ntfy=URL (http or https)")
        }
        if let maxAge, AgeText.parse(maxAge) == nil {
            throw ValidationError("--max-age must be an age such as 26h or 7d")
        }
        if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
        if jobs > 1 && plan == "-" { throw ValidationError("--jobs needs a plan file (its workers read it), not -") }
        if let now, ISOTime.parse(now) == nil {
            throw ValidationError("--now must be ISO 8601, such as 2026-11-26T06:00:00Z")
        }
        for (name, value) in [("--max-bytes", maxBytes), ("--max-entry-bytes", maxEntryBytes)] {
            if let value, ByteSize.parse(value) == nil { throw ValidationError("\(name) must be a size such as 10GiB") }
        }
    }

    func run() throws {
        Interruption.install()
        var request = VerifyRequest()
        request.planPath = plan
        request.setNames = setNames
        request.notify = notify.compactMap(Notifier.Target.parse)
        request.name = name
        request.maxAge = maxAge.flatMap(AgeText.parse)
        request.archive = archive
        request.latest = latest
        request.manifest = manifest
        request.now = now.flatMap(ISOTime.parse)
        request.maxBytes = maxBytes.flatMap(ByteSize.parse)
        request.maxEntryBytes = maxEntryBytes.flatMap(ByteSize.parse)
        request.maxEntries = maxEntries
        request.strict = strict
        request.metricsFile = metrics.metricsFile
        request.jobs = jobs
        request.runID = runID
        request.pushgateway = metrics.pushgateway
        let environment = output.environment
        do {
            request.shard = try Shard.resolve(flag: shard, shards: shards, variables: environment.variables)
        } catch {
            throw ValidationError("\(error)")
        }
        do { request.output = try output.request() } catch { throw ValidationError("\(error)") }
        try finish(VerifyRun(request: request, environment: environment).run())
    }
}
