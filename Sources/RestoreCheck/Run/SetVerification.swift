import Foundation

/// `verify` for one backup set: select the source, resolve its manifests, restore it in one
/// pass, judge the copies, the archive and the files, import and judge the dumps, then the
/// presets. A failure of the backup is a check result; a set that cannot be verified at all
/// gets one `could not verify` error; only an interrupt throws.
struct SetVerification {
    let set: BackupSetPlan
    let request: VerifyRequest
    let environment: RunEnvironment
    let now: Date

    func run() throws -> SetReport {
        var report = try SetSteps.report(for: set, clock: environment.clock, verify)
        if request.strict { SetSteps.applyStrict(to: &report) }
        return report
    }

    private func verify(into report: inout SetReport, watchdog: Watchdog) throws {
        var steps = SetSteps(
            set: set, environment: environment, now: now, scratch: request.output.scratch,
            keepSandbox: request.output.keepSandbox, watchdog: watchdog)
        steps.showValues = request.output.console.verbose
        // The cores not taken by the other sets verified at once load this set's dumps at once.
        steps.dumpLanes = max(1, environment.cores / max(1, request.jobs))
        let archive = try steps.selectSource(archive: request.archive, latest: request.latest, into: &report)
        let manifests = ResolvedManifests.resolve(set.manifest, override: request.manifest, archive: archive)
        let sandbox = try steps.makeSandbox(into: &report)
        // Dumps load while the rest restores; whatever happens, they end before the sandbox goes.
        let prefetch = steps.dumpPrefetch(sandbox: sandbox, findDumps: true)
        defer { _ = prefetch?.finish() }
        let outcome = try steps.restore(
            archive, into: sandbox, manifests: manifests, limits: limits, prefetch: prefetch, report: &report)
        steps.judgeCopies(archive, outcome, into: &report)
        steps.judgeArchive(outcome, into: &report)
        let reader = SandboxReader(rootFD: sandbox.rootFD)
        steps.judgeFiles(outcome, manifests: manifests, reader: reader, into: &report)
        let dumps = try steps.importDumps(
            outcome, sandbox: sandbox, findDumps: true, prefetch: prefetch, into: &report)
        steps.judgePresets(outcome, dumps: dumps, reader: reader, into: &report)
        steps.judgeIndex(outcome, into: &report)
    }

    /// The plan's limits with the command line's overrides.
    private var limits: RestoreLimits {
        var limits = set.limits
        if let bytes = request.maxBytes { limits.maxBytes = bytes }
        if let bytes = request.maxEntryBytes { limits.maxEntryBytes = bytes }
        if let entries = request.maxEntries { limits.maxEntries = entries }
        return limits
    }
}

/// `diff` for one backup set: the same steps as `verify` up to the files, then the restored
/// tree against the live one. Dumps are imported only when the plan names them (a diff
/// compares files).
struct SetComparison {
    let set: BackupSetPlan
    let request: DiffRequest
    let environment: RunEnvironment
    let now: Date

    func run() throws -> SetReport {
        try SetSteps.report(for: set, clock: environment.clock, compare)
    }

    private func compare(into report: inout SetReport, watchdog: Watchdog) throws {
        let steps = SetSteps(
            set: set, environment: environment, now: now, scratch: request.output.scratch,
            keepSandbox: request.output.keepSandbox, watchdog: watchdog)
        let archive = try steps.selectSource(archive: request.archive, latest: request.latest, into: &report)
        let manifests = ResolvedManifests.resolve(set.manifest, override: nil, archive: archive)
        let sandbox = try steps.makeSandbox(into: &report)
        // The comparison is by SHA-256: take them in the one pass too.
        let outcome = try steps.restore(
            archive, into: sandbox, manifests: manifests, limits: set.limits, extraDigests: [.sha256],
            report: &report)
        steps.judgeCopies(archive, outcome, into: &report)
        steps.judgeArchive(outcome, into: &report)
        let reader = SandboxReader(rootFD: sandbox.rootFD)
        steps.judgeFiles(outcome, manifests: manifests, reader: reader, into: &report)
        try report.timed(.diff, clock: environment.clock) {
            // --prefix P: the live root stands for P and only P's sub-tree is compared; an archive
            // holding nothing under P is an archive of that sub-tree, its root standing for P.
            let prefix = request.prefix ?? set.layout.prefix
            var shift = ""
            if let wanted = request.prefix, wanted != "/",
                !outcome.index.entries.contains(where: { $0.productionPath.hasPrefix(wanted + "/") })
            {
                shift = wanted
            }
            let tree = LiveTree(root: request.live, prefix: prefix, indexFile: sandbox.path + "/live-index.sqlite")
            var diff = LiveDiff(
                backup: outcome.index, reader: reader, live: tree, ignore: set.ignore + request.ignore,
                recordsOwners: outcome.facts.recordsOwners, shift: shift)
            diff.secrets = Set(
                set.expect.compactMap { rule -> String? in
                    guard case .path(let path) = rule.selector, let mode = rule.mode, mode & 0o004 == 0 else {
                        return nil
                    }
                    return path
                })
            return ((), try diff.results())
        }
        let dumps = try steps.importDumps(outcome, sandbox: sandbox, findDumps: false, into: &report)
        steps.judgePresets(outcome, dumps: dumps, reader: reader, into: &report)
        steps.judgeIndex(outcome, into: &report)
    }
}
