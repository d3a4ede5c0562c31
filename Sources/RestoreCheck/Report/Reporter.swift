import Foundation

/// One output format of a run. Each format is one small type behind this protocol, so adding
/// a format never touches the others (the shape of SwiftLint's reporters).
public protocol Reporter: Sendable {
    /// The file this reporter writes in the report directory.
    var fileName: String { get }
    func render(_ report: RunReport) throws -> Data
}

/// Writes the chosen reports into the report directory, each through a temporary file and a
/// rename, so a reader never sees half a report.
public struct ReportWriter: Sendable {
    public let directory: String
    public let reporters: [Reporter]
    /// File mode of the reports (`reports.mode`, 0600 by default); directories follow it.
    public let mode: mode_t
    /// How many files are rendered at once (`--jobs`: as many as sets were verified at once).
    public var lanes = 1

    public init(directory: String, formats: [ReportSettings.Format], mode: mode_t = 0o600) {
        self.directory = directory
        self.mode = mode
        reporters = formats.map { format -> Reporter in
            switch format {
            case .junit: return JUnitReporter()
            case .json: return JSONReporter()
            case .html: return HTMLReporter()
            }
        }
    }

    /// Where one run's reports go: `DIR/runs/<stamp>/` for the whole run, `DIR/<set>/<stamp>/`
    /// for each set (in the report's order). Made before anything is written, so the summary
    /// a monitor receives can already name the run's page.
    public struct Layout: Sendable {
        public var runDirectory: String
        public var setDirectories: [String]
    }

    /// Makes the run's directories (see `Layout`).
    public func prepare(_ report: RunReport) throws -> Layout {
        let stamp = Self.stamp(report.startedAt)
        let directoryMode = mode | ((mode & 0o444) >> 2)
        var setDirectories: [String] = []
        for set in report.sets {
            // The plan loader refuses such names; this keeps any caller from writing outside.
            guard SetName.isUsable(set.name) else {
                throw RestoreCheckError(.usage, "set name '\(set.name)' cannot name a report directory")
            }
            let setDirectory = (directory as NSString).appendingPathComponent(set.name)
            setDirectories.append(try Self.makeRunDirectory(in: setDirectory, stamp: stamp, mode: directoryMode))
        }
        let runs = (directory as NSString).appendingPathComponent("runs")
        let runDirectory = try Self.makeRunDirectory(in: runs, stamp: stamp, mode: directoryMode)
        return Layout(runDirectory: runDirectory, setDirectories: setDirectories)
    }

    /// The files `write(_:into:)` will write: the run's own first (its page is what the
    /// console's last line names), then each set's.
    public func paths(of layout: Layout) -> [String] {
        runReporters(layout).map { (layout.runDirectory as NSString).appendingPathComponent($0.fileName) }
            + layout.setDirectories.flatMap { directory in
                reporters.map { (directory as NSString).appendingPathComponent($0.fileName) }
            }
    }

    /// Writes the run's reports and each set's, and points `runs/latest` and each
    /// `<set>/latest` at them. Returns the paths written, as `paths(of:)` lists them.
    @discardableResult
    public func write(_ report: RunReport, into layout: Layout) throws -> [String] {
        // Every file is one job: the run's, then each set's, in the order `paths(of:)` gives.
        var jobs: [(reporter: Reporter, set: Int?, directory: String)] = runReporters(layout).map {
            ($0, nil, layout.runDirectory)
        }
        for (index, setDirectory) in layout.setDirectories.enumerated() {
            jobs += reporters.map { ($0, index, setDirectory) }
        }
        let (mode, jobList) = (mode, jobs)
        try ParallelLanes.run(jobList.count, lanes: lanes) { position in
            let job = jobList[position]
            var scope = report
            if let set = job.set { scope.sets = [report.sets[set]] }
            let path = (job.directory as NSString).appendingPathComponent(job.reporter.fileName)
            // Private (0600) by default: a failing check can quote what a backup holds.
            try AtomicFile.write(try job.reporter.render(scope), to: path, mode: mode, what: "the report")
        }
        let written = jobs.map { ($0.directory as NSString).appendingPathComponent($0.reporter.fileName) }
        for setDirectory in layout.setDirectories {
            Self.link(
                latest: ((setDirectory as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent("latest"),
                to: (setDirectory as NSString).lastPathComponent)
        }
        Self.link(
            latest: ((layout.runDirectory as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("latest"),
            to: (layout.runDirectory as NSString).lastPathComponent)
        return written
    }

    /// Both steps at once, for callers with nothing to do between them.
    @discardableResult
    public func write(_ report: RunReport) throws -> [String] {
        try write(report, into: try prepare(report))
    }

    /// The run-level formats: the index page instead of a set's page, and the whole run's
    /// JUnit and JSON.
    private func runReporters(_ layout: Layout) -> [Reporter] {
        reporters.map { reporter -> Reporter in
            guard reporter is HTMLReporter else { return reporter }
            let links = layout.setDirectories.map { directory -> String in
                let stamp = (directory as NSString).lastPathComponent
                let set = ((directory as NSString).deletingLastPathComponent as NSString).lastPathComponent
                return "../../\(set)/\(stamp)/report.html"
            }
            return RunIndexReporter(setPages: links)
        }
    }

    /// `2026-11-26T06:00:00Z` → `20261126T060000Z`: sorts by time, safe in any file system.
    static func stamp(_ date: Date) -> String {
        ISOTime.string(date).filter { $0 != "-" && $0 != ":" }
    }

    /// Replaces the `latest` link atomically (a new link, then a rename over the old one).
    static func link(latest: String, to target: String) {
        let temporary = latest + ".tmp-\(getpid())"
        unlink(temporary)
        guard symlink(target, temporary) == 0 else { return }
        if rename(temporary, latest) != 0 { unlink(temporary) }
    }

    /// Creates `SET-DIR/<stamp>` (or `<stamp>-2`, `-3`, …) exclusively: two runs in the same
    /// second, even from two processes, never share a run directory. Report directories are
    /// private (0700) unless `reports.mode` widens them: a failing check can quote what a backup holds.
    static func makeRunDirectory(in setDirectory: String, stamp: String, mode: mode_t = 0o700) throws -> String {
        do {
            try FileManager.default.createDirectory(
                atPath: setDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
        } catch {
            throw RestoreCheckError(
                .io, "cannot create the report directory: \(error.localizedDescription)", path: setDirectory)
        }
        for attempt in 1...10_000 {
            let name = attempt == 1 ? stamp : "\(stamp)-\(attempt)"
            let path = (setDirectory as NSString).appendingPathComponent(name)
            if mkdir(path, mode) == 0 {
                chmod(path, mode) // past the umask: the mode asked for is the mode given
                return path
            }
            guard errno == EEXIST else {
                throw RestoreCheckError(.io, "cannot create the run's report directory", path: path, errno: errno)
            }
        }
        throw RestoreCheckError(.io, "10000 runs in one second already", path: setDirectory)
    }
}
