import Foundation

/// The steps a set's run is built from, each small enough to read at a glance. `verify` and
/// `diff` compose them in their own drivers (`SetVerification`, `SetComparison`); each step
/// returns what the next needs, and the checks it judged go into the set's report with the
/// time the step took.
struct SetSteps {
    let set: BackupSetPlan
    let environment: RunEnvironment
    /// The clock for age judgements.
    let now: Date
    let scratch: String?
    let keepSandbox: Bool
    /// `-v`: failing dump statements are quoted with their row values.
    var showValues = false
    /// Dumps loaded at once (see `DatabaseVerifier.lanes`).
    var dumpLanes = 1
    /// The set's own time, stall and memory limits.
    let watchdog: Watchdog
    private let progress: ProgressLine?

    init(
        set: BackupSetPlan, environment: RunEnvironment, now: Date, scratch: String?, keepSandbox: Bool,
        watchdog: Watchdog
    ) {
        self.watchdog = watchdog
        self.set = set
        self.environment = environment
        self.now = now
        self.scratch = scratch
        self.keepSandbox = keepSandbox
        progress = environment.showsProgress ? ProgressLine(output: environment.output, clock: environment.clock) : nil
    }

    /// Source: the archive, and whether it is fresh enough.
    func selectSource(archive: String?, latest: String?, into report: inout SetReport) throws -> SelectedArchive {
        try report.timed(.source, clock: environment.clock) {
            let selected = try SelectedArchive.select(for: set, archive: archive, latest: latest)
            let copies = selected.candidates.isEmpty ? nil : selected.candidates.count
            return (
                selected,
                [
                    SourceChecks.latest(
                        archive: selected.displayPath, mtime: selected.mtime, copies: copies,
                        maxAge: set.maxAge, schedule: set.schedule, now: now)
                ]
            )
        }
    }

    /// A sandbox for the set, removed when the returned owner goes unless `--keep-sandbox`.
    func makeSandbox(into report: inout SetReport) throws -> Sandbox {
        for line in SandboxSweeper.sweep(Sandbox.base(scratch)) { environment.output.warn("restorecheck: \(line)") }
        let sandbox = try Sandbox(scratch: scratch, keep: keepSandbox)
        if keepSandbox { report.sandbox = sandbox.path }
        return sandbox
    }

    /// The one streaming pass: every entry judged, restored into the sandbox, hashed for
    /// whatever the manifests (and `extraDigests`) need, indexed.
    func restore(
        _ archive: SelectedArchive, into sandbox: Sandbox, manifests: ResolvedManifests, limits: RestoreLimits,
        extraDigests: Set<DigestAlgorithm> = [], prefetch: DumpPrefetch? = nil, report: inout SetReport
    ) throws -> RestoreOutcome {
        try report.timed(.archive, clock: environment.clock) {
            let restorer = try Restorer(
                sandbox: sandbox, layout: set.layout, limits: limits, lookForManifests: manifests.lookInside,
                algorithms: manifests.algorithms.union(extraDigests))
            if !archive.fromStandardInput {
                restorer.rawAlgorithms = Set(SourceChecks.sidecars(of: archive.path).map(\.algorithm))
            }
            if let progress {
                restorer.progress = { bytes, entries in
                    progress.restoring(bytes: bytes, total: archive.size, entries: entries)
                }
            }
            restorer.watchdog = watchdog
            if let prefetch {
                let index = restorer.index
                restorer.entryIndexed = { prefetch.saw($0, in: index) }
            }
            watchdog.armStall(true)
            defer { watchdog.armStall(false) }
            var outcome = try restorer.restore(fd: archive.descriptor.raw, displayPath: archive.displayPath)
            environment.output.clearProgress()
            outcome.facts.path = archive.displayPath
            outcome.facts.mtime = archive.mtime
            return (outcome, [])
        }
    }

    /// Archive: read to its end, nothing unsafe, within the limits.
    func judgeArchive(_ outcome: RestoreOutcome, into report: inout SetReport) {
        report.archive = outcome.facts
        report.timed(.archive, clock: environment.clock) { ((), ArchiveChecks.results(outcome)) }
    }

    /// Source, after the pass: the sidecar checksum, the copies' retention, where they sit.
    func judgeCopies(_ archive: SelectedArchive, _ outcome: RestoreOutcome, into report: inout SetReport) {
        guard !archive.fromStandardInput else { return }
        let copies = report.timed(.source, clock: environment.clock) { () -> ([BackupCopy], [CheckResult]) in
            var checks = [SourceChecks.sidecar(archive: archive.path, digests: outcome.rawDigests)]
            var copies: [BackupCopy] = []
            if !archive.candidates.isEmpty {
                let retention = RetentionChecks(
                    copies: archive.candidates, policy: set.retention,
                    newestSHA256: outcome.rawDigests[.sha256], now: now)
                checks += retention.results()
                copies = retention.listing
            }
            checks.append(
                PlacementChecks.space(
                    directory: (archive.path as NSString).deletingLastPathComponent,
                    newestSize: archive.size ?? 0))
            checks.append(PlacementChecks.location(archive: archive.path, set: set))
            return (copies, checks)
        }
        report.copies = copies
    }

    /// Files: every manifest's checksums and metadata, then each `expect:` rule.
    func judgeFiles(
        _ outcome: RestoreOutcome, manifests: ResolvedManifests, reader: SandboxReader, into report: inout SetReport
    ) {
        report.timed(.files, clock: environment.clock) {
            (
                (),
                ManifestChecks(
                    manifests: manifests.parsed + outcome.embeddedManifests,
                    problems: manifests.problems + outcome.manifestErrors,
                    index: outcome.index, recordsOwners: outcome.facts.recordsOwners, ignore: set.ignore.map(Glob.init)
                ).results()
            )
        }
        for rule in set.expect {
            report.timed(.files, clock: environment.clock) {
                (
                    (),
                    ExpectChecks(
                        rules: [rule], index: outcome.index, reader: reader, recordsOwners: outcome.facts.recordsOwners,
                        ignore: set.ignore.map(Glob.init)
                    ).results()
                )
            }
        }
    }

    /// Db: every dump re-imported into its throwaway target and judged. `findDumps` false
    /// restores only the dumps the plan names. Those `prefetch` loaded during the restore
    /// are taken as they are (it keeps only what nothing changed since).
    func importDumps(
        _ outcome: RestoreOutcome, sandbox: Sandbox, findDumps: Bool, prefetch: DumpPrefetch? = nil,
        into report: inout SetReport
    ) throws -> [DumpOutcome] {
        let dumps = try report.timed(.db, clock: environment.clock) { () -> ([DumpOutcome], [CheckResult]) in
            var verifier = databaseVerifier(index: outcome.index, sandbox: sandbox, findDumps: findDumps)
            verifier.prefetched = prefetch?.finish() ?? [:]
            let dumps = try verifier.run()
            environment.output.clearProgress()
            return (dumps, dumps.checks)
        }
        try Interruption.check()
        report.databases = dumps.reports
        return dumps
    }

    /// Loads the set's dumps during the restore when the set has a core to spare for it.
    func dumpPrefetch(sandbox: Sandbox, findDumps: Bool) -> DumpPrefetch? {
        guard dumpLanes > 1 else { return nil }
        let (plans, under) = (dumpPlans(findDumps: findDumps), dumpDirectories)
        return DumpPrefetch(
            wanted: { DatabaseVerifier.wants($0, plans: plans, alsoFindUnder: under) },
            makeVerifier: { index in databaseVerifier(index: index, sandbox: sandbox, findDumps: findDumps) })
    }

    /// The db phase's verifier, as the plan and the command line set it up.
    private func databaseVerifier(index: EntryIndex, sandbox: Sandbox, findDumps: Bool) -> DatabaseVerifier {
        var verifier = DatabaseVerifier(
            sandbox: sandbox, reader: SandboxReader(rootFD: sandbox.rootFD), diskRoot: sandbox.rootPath,
            index: index, plans: dumpPlans(findDumps: findDumps), now: now, alsoFindUnder: dumpDirectories)
        verifier.clock = environment.clock
        verifier.maxStatementBytes = set.limits.maxStatementBytes
        verifier.showValues = showValues
        verifier.lanes = dumpLanes
        if let progress { verifier.progress = { dump, bytes in progress.importing(dump: dump, bytes: bytes) } }
        return verifier
    }

    /// The dumps the plan names; nil: every dump found (`findDumps`).
    private func dumpPlans(findDumps: Bool) -> [DatabasePlan]? { set.databases ?? (findDumps ? nil : []) }

    /// Where `preset: database-dumps` looks for dumps besides those the plan names.
    private var dumpDirectories: [String] { self.set.presets.filter { $0.kind == .databaseDumps }.map(\.location) }

    /// Files, after the db phase: the presets (two of them read the dumps' outcomes).
    func judgePresets(
        _ outcome: RestoreOutcome, dumps: [DumpOutcome], reader: SandboxReader, into report: inout SetReport
    ) {
        for preset in set.presets {
            report.timed(.files, clock: environment.clock) {
                ((), PresetChecks(presets: [preset], index: outcome.index, reader: reader, dumps: dumps).results())
            }
        }
    }

    /// A driver's run of one set: its report, filled by `body`; an error that stops the set
    /// (no archive, a sandbox that cannot be made) is its one `could not verify` check; only
    /// an interrupt or a plan that cannot work throws. The report carries the set's duration.
    static func report(
        for set: BackupSetPlan, clock: any RunClock,
        _ body: (inout SetReport, Watchdog) throws -> Void
    ) throws -> SetReport {
        var report = SetReport(name: set.name)
        let started = clock.monotonic()
        let watchdog = Watchdog(limits: set.limits)
        defer { watchdog.finish() }
        do {
            try body(&report, watchdog)
        } catch let error as RestoreCheckError where error.kind != .interrupted && error.kind != .plan {
            report.checks.append(
                CheckResult(CheckID(.source, "could not verify"), status: .error, message: error.description))
        }
        report.seconds = clock.monotonic() - started
        return report
    }

    /// Last: an entry index that failed a read or write while the checks used it makes the
    /// set "could not verify", whatever the checks said (they may have seen too few entries).
    func judgeIndex(_ outcome: RestoreOutcome, into report: inout SetReport) {
        guard let failure = outcome.index.failure else { return }
        report.checks.append(CheckResult(CheckID(.archive, "index"), status: .error, message: failure))
    }

    /// `--strict`: every warning fails.
    static func applyStrict(to report: inout SetReport) {
        for position in report.checks.indices where report.checks[position].status == .warn {
            report.checks[position].status = .fail
            report.checks[position].message += " (--strict)"
        }
    }
}
