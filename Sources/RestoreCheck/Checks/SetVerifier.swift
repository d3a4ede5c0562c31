import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Verifies one backup set end to end: locate, restore in one pass, judge (DESIGN.md: Flow).
/// Failures of the backup become check results; only an interrupt throws.
public struct SetVerifier {
    public let set: BackupSetPlan
    public let options: VerifyOptions

    public init(set: BackupSetPlan, options: VerifyOptions) {
        self.set = set
        self.options = options
    }

    public func verify() throws -> SetReport {
        var report = SetReport(name: set.name)
        let started = Date()
        defer { report.seconds = Date().timeIntervalSince(started) }
        do {
            try run(&report)
        } catch let error as RestoreCheckError where error.kind != .interrupted {
            report.checks.append(CheckResult(phase: "source", name: "could not verify", status: .error, message: error.description))
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func run(_ report: inout SetReport) throws {
        // source: which archive
        var archivePath: String
        var copies: Int?
        var candidates: [ArchiveLocator.Candidate] = []
        if let explicit = options.archive ?? (options.latest == nil ? set.source.archive : nil) {
            archivePath = explicit
        } else if let directory = options.latest ?? set.source.latest {
            candidates = try ArchiveLocator.candidates(in: directory, pattern: set.source.pattern)
            guard let newest = candidates.first else {
                throw RestoreCheckError(.io, "no archive here" + (set.source.pattern.map { " matches \($0)" } ?? "")
                                        + " (archive suffixes: .tar, .tar.gz, .tar.zst, .zip, …)", path: directory)
            }
            archivePath = newest.path
            copies = candidates.count
        } else {
            throw RestoreCheckError(.usage, "set \(set.name) names no archive: give --archive FILE or --latest DIR, or `source:` in the plan")
        }
        let fromStdin = archivePath == "-"
        let fd = fromStdin ? STDIN_FILENO : open(archivePath, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw RestoreCheckError(.io, "cannot open the archive", path: archivePath, errno: errno) }
        defer { if !fromStdin { close(fd) } }
        var info = stat()
        fstat(fd, &info)
        if !fromStdin && info.st_mode & S_IFMT == S_IFDIR {
            throw RestoreCheckError(.io, "is a directory; use --latest DIR for a directory of archives", path: archivePath)
        }
        let mtime = fromStdin ? nil : Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))
        let displayPath = fromStdin ? "(standard input)" : archivePath
        report.checks.append(SourceChecks.latest(archive: displayPath, mtime: mtime, copies: copies, maxAge: set.maxAge,
                                                 schedule: set.schedule, now: options.now))

        // manifests known before the pass
        var manifests: [Manifest] = []
        var problems: [String] = []
        let spec: ManifestSpec = options.manifest.map { .file($0) } ?? set.manifest
        var externalPath: String?
        switch spec {
        case .file(let path): externalPath = path
        case .auto where !fromStdin && FileManager.default.fileExists(atPath: archivePath + ".mtree"): externalPath = archivePath + ".mtree"
        default: break
        }
        if let externalPath {
            if let bytes = FileManager.default.contents(atPath: externalPath) {
                do { manifests.append(try Manifest.parse(Array(bytes), origin: externalPath)) } catch { problems.append(String(describing: error)) }
            } else {
                problems.append("\(externalPath): cannot be read")
            }
        }

        // the one streaming pass
        let sandbox = try Sandbox(scratch: options.scratch)
        defer { if !options.keepSandbox { sandbox.remove() } }
        if options.keepSandbox { report.sandbox = sandbox.path }
        var limits = set.limits
        if let n = options.maxBytes { limits.maxBytes = n }
        if let n = options.maxEntryBytes { limits.maxEntryBytes = n }
        if let n = options.maxEntries { limits.maxEntries = n }
        let restorer = Restorer(sandbox: sandbox, layout: set.layout, limits: limits,
                                lookForManifests: spec == .auto && externalPath == nil,
                                // `diff` compares SHA-256s: take them in the one pass too.
                                algorithms: manifests.reduce(into: options.live == nil ? Set() : [.sha256]) { $0.formUnion($1.algorithms) })
        if !fromStdin { restorer.rawAlgorithms = Set(SourceChecks.sidecars(of: archivePath).map(\.algorithm)) }
        if let progress = options.progress {
            let total: UInt64? = fromStdin ? nil : UInt64(info.st_size)
            restorer.progress = { bytes, entries in progress(bytes, total, entries) }
        }
        let outcome = try restorer.restore(fd: fd, displayPath: displayPath)
        var facts = outcome.facts
        facts.path = displayPath
        facts.mtime = mtime?.timeIntervalSince1970
        report.archive = facts

        if !fromStdin {
            report.checks.append(SourceChecks.sidecar(archive: archivePath, digests: outcome.rawDigests))
            if !candidates.isEmpty {
                let retention = RetentionChecks(copies: candidates, policy: set.retention, newestSHA256: outcome.rawDigests[.sha256], now: options.now)
                report.checks += retention.results()
                report.copies = retention.listing
            }
            report.checks.append(PlacementChecks.space(directory: (archivePath as NSString).deletingLastPathComponent, newestSize: UInt64(info.st_size)))
            report.checks.append(PlacementChecks.location(archive: archivePath, set: set))
        }
        report.checks += ArchiveChecks.results(outcome)
        manifests += outcome.embeddedManifests
        problems += outcome.manifestErrors
        report.checks += ManifestChecks(manifests: manifests, problems: problems, index: outcome.index,
                                        recordsOwners: outcome.facts.recordsOwners).results()
        report.checks += ExpectChecks(rules: set.expect, index: outcome.index, reader: SandboxReader(rootFD: sandbox.rootFD),
                                      recordsOwners: outcome.facts.recordsOwners).results()
        if let live = options.live {
            let tree = LiveTree(root: live, prefix: set.layout.prefix)
            report.checks += try LiveDiff(backup: outcome.index, reader: SandboxReader(rootFD: sandbox.rootFD), live: tree,
                                          ignore: set.ignore + options.ignore, recordsOwners: outcome.facts.recordsOwners).results()
        }
        let dumpDirectories = set.presets.filter { $0.kind == .databaseDumps }.map(\.location)
        var databases = DatabaseVerifier(sandbox: sandbox, reader: SandboxReader(rootFD: sandbox.rootFD), diskRoot: sandbox.rootPath, index: outcome.index, plans: set.databases ?? (options.findDumps ? nil : []), now: options.now,
                                         alsoFindUnder: dumpDirectories)
        if let progress = options.databaseProgress { databases.progress = progress }
        let (databaseChecks, dumpReports) = databases.run()
        try Interruption.check()
        report.checks += databaseChecks
        report.databases = dumpReports
        report.checks += PresetChecks(presets: set.presets, index: outcome.index, reader: SandboxReader(rootFD: sandbox.rootFD),
                                      databases: dumpReports, databaseChecks: databaseChecks).results()
        if options.strict {
            for position in report.checks.indices where report.checks[position].status == .warn {
                report.checks[position].status = .fail
                report.checks[position].message += " (--strict)"
            }
        }
    }
}
