import Foundation

/// `verify --jobs K`: up to K sets verified at once on this machine by K worker processes of
/// this binary (`verify PLAN --set A --set B --worker-report FILE`), each set in its own
/// sandbox, so a worker that crashes or is killed takes no other worker's sets with it. Sets
/// are dealt largest archive first; one process per worker keeps the start-up cost off small
/// sets. The parent keeps the plan's order, the history, the reports and the exit code; a set
/// its worker did not report is an error naming how the worker ended. K is lowered up front
/// when memory or scratch space cannot hold K at once.
struct LocalWorkers {
    let request: VerifyRequest
    let environment: RunEnvironment
    let planPath: String

    /// Memory one worker may need: a restore's buffers and index plus a database engine.
    static let memoryPerWorker: UInt64 = 512 << 20

    func verify(_ plan: Plan, now: Date) throws -> [SetReport] {
        let groups = Self.groups(plan, count: affordableJobs(plan))
        let work = try makeWorkDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        // The first share is verified here, while the workers verify theirs: one process start fewer.
        var workers: [ChildProcess] = []
        for (index, group) in groups.enumerated().dropFirst() {
            workers.append(try start(group.map { plan.sets[$0].name }, index: index, in: work, now: now))
        }
        var results: [String: SetReport] = [:]
        do {
            for index in groups[0] {
                let set = plan.sets[index]
                results[set.name] = try SetVerification(set: set, request: request, environment: environment, now: now)
                    .run()
            }
        } catch {
            for worker in workers { worker.terminate() }
            for worker in workers { worker.wait() }
            throw error
        }
        while workers.contains(where: \.isRunning) {
            if Interruption.isRequested {
                for worker in workers { worker.terminate() }
                for worker in workers { worker.wait() }
                try Interruption.check()
            }
            usleep(2_000)
        }
        for (index, group) in groups.enumerated().dropFirst() {
            let names = group.map { plan.sets[$0].name }
            for set in collect(names, workers[index - 1], index: index, in: work) { results[set.name] = set }
        }
        return plan.sets.map { results[$0.name] ?? ShardCollection.missing($0.name, "no worker verified this set") }
    }

    /// The sets dealt to `count` workers, largest archive first to the least loaded (LPT), so
    /// one process per worker, not per set, and the big sets spread. Each group keeps the
    /// plan's order.
    static func groups(_ plan: Plan, count: Int) -> [[Int]] {
        let sizes = plan.sets.map { largestArchive($0.source) ?? 0 }
        var groups = [[Int]](repeating: [], count: max(1, count))
        var loads = [UInt64](repeating: 0, count: groups.count)
        for index in plan.sets.indices.sorted(by: { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }) {
            let target = loads.indices.min {
                loads[$0] != loads[$1] ? loads[$0] < loads[$1] : groups[$0].count < groups[$1].count
            }!
            groups[target].append(index)
            loads[target] += max(sizes[index], 1)
        }
        return groups.filter { !$0.isEmpty }.map { $0.sorted() }
    }

    private func start(_ names: [String], index: Int, in work: String, now: Date) throws -> ChildProcess {
        var arguments = [
            "verify", planPath, "--worker-report", "\(work)/\(index).json", "--quiet", "--now", ISOTime.string(now),
        ]
        for name in names { arguments += ["--set", name] }
        if let scratch = request.output.scratch { arguments += ["--scratch", scratch] }
        if let manifest = request.manifest { arguments += ["--manifest", manifest] }
        if let bytes = request.maxBytes { arguments += ["--max-bytes", String(bytes)] }
        if let bytes = request.maxEntryBytes { arguments += ["--max-entry-bytes", String(bytes)] }
        if let entries = request.maxEntries { arguments += ["--max-entries", String(entries)] }
        if request.strict { arguments.append("--strict") }
        if request.output.keepSandbox { arguments.append("--keep-sandbox") }
        if request.output.console.verbose { arguments.append("--verbose") }
        let worker = ChildProcess(Self.executable, arguments, stderrPath: "\(work)/\(index).err")
        try worker.start()
        return worker
    }

    /// The worker's sets, or for each one it did not report, an error naming how it ended.
    private func collect(_ names: [String], _ worker: ChildProcess, index: Int, in work: String) -> [SetReport] {
        let status = worker.wait()
        var reported: [String: SetReport] = [:]
        if [0, 1, 2].contains(status), let data = FileManager.default.contents(atPath: "\(work)/\(index).json"),
            let report = try? JSONReporter.decode(data)
        {
            for set in report.sets { reported[set.name] = set }
        }
        let errors = worker.errorText(lines: 3)
        let why = "the worker verifying this set ended with status \(status) and no report"
        return names.map { reported[$0] ?? ShardCollection.missing($0, errors.isEmpty ? why : "\(why): \(errors)") }
    }

    /// This very binary, whatever the current directory or PATH.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private func makeWorkDirectory() throws -> String {
        let base = Sandbox.base(request.output.scratch)
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let path = base + "/restorecheck-workers-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard mkdir(path, 0o700) == 0 else {
            throw RestoreCheckError(.io, "cannot create the workers' directory", path: path, errno: errno)
        }
        return path
    }

    /// `--jobs` lowered to what this machine can hold at once: memory for each worker, and
    /// scratch space for the largest archives restored side by side (four times their size).
    func affordableJobs(_ plan: Plan) -> Int {
        var jobs = min(request.jobs, plan.sets.count)
        if let available = Self.availableMemory(), available / Self.memoryPerWorker < UInt64(jobs) {
            let fit = max(1, Int(available / Self.memoryPerWorker))
            environment.output.warn(
                "restorecheck: warning: --jobs \(jobs) lowered to \(fit): \(ByteSize.format(available)) of memory "
                    + "available, \(ByteSize.format(Self.memoryPerWorker)) wanted per set")
            jobs = fit
        }
        let sizes = plan.sets.compactMap { Self.largestArchive($0.source) }.sorted(by: >)
        var stats = statvfs()
        if jobs > 1, !sizes.isEmpty, statvfs(Sandbox.base(request.output.scratch), &stats) == 0 {
            let free = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
            while jobs > 1 && sizes.prefix(jobs).reduce(0, +) * 4 > free { jobs -= 1 }
            if jobs < min(request.jobs, plan.sets.count) {
                environment.output.warn(
                    "restorecheck: warning: --jobs lowered to \(jobs): \(ByteSize.format(free)) free in the scratch "
                        + "directory for the largest archives restored side by side")
            }
        }
        return jobs
    }

    static func availableMemory() -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kib = UInt64(fields[1]) { return kib * 1024 }
        }
        return nil
    }

    /// The archive's size, or the largest file in a `latest:` directory.
    static func largestArchive(_ source: SourceSpec) -> UInt64? {
        let manager = FileManager.default
        if let archive = source.archive, archive != "-" {
            return (try? manager.attributesOfItem(atPath: archive)[.size] as? UInt64) ?? nil
        }
        guard let directory = source.latest, let names = try? manager.contentsOfDirectory(atPath: directory) else {
            return nil
        }
        return names.compactMap {
            (try? manager.attributesOfItem(atPath: "\(directory)/\($0)")[.size] as? UInt64) ?? nil
        }
        .max()
    }
}
