import Foundation

/// `verify --jobs K`: up to K sets verified at once on this machine, by this thread and K-1
/// others that take the next set as they finish one (`ParallelLanes`; largest archive first,
/// so a big set does not start last). Each set has its own sandbox, its own engines and
/// its own watchdog, bound to its thread (a limit one set trips stops that set only). Threads,
/// not processes: a demo-sized set verifies in some 25 ms, of which a process start and a plan
/// load would take most. The report keeps the plan's order. K is lowered up front when memory
/// or scratch space cannot hold K at once.
struct LocalWorkers {
    let request: VerifyRequest
    let environment: RunEnvironment

    /// Memory one set may need at once: a restore's buffers and index plus a database engine.
    static let memoryPerWorker: UInt64 = 512 << 20

    func verify(_ plan: Plan, now: Date, lanes: Int) throws -> [SetReport] {
        let sizes = plan.sets.map { Self.largestArchive($0.source) ?? 0 }
        let order = plan.sets.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        let reports = SetReports(count: plan.sets.count)
        let (request, environment) = (request, environment)
        try ParallelLanes.run(order.count, lanes: lanes) { position in
            let index = order[position]
            let set = plan.sets[index]
            reports.put(
                index, try SetVerification(set: set, request: request, environment: environment, now: now).run())
        }
        return try reports.all()
    }

    /// `--jobs` lowered to what this machine can hold at once: memory for each set, and
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

    /// The archive's size, or the largest file in a `latest:` directory (by stat(2): the sets
    /// are dealt before any is verified, and this may not cost what a small set costs).
    static func largestArchive(_ source: SourceSpec) -> UInt64? {
        func size(_ path: String) -> UInt64? {
            var info = stat()
            return stat(path, &info) == 0 ? UInt64(max(0, info.st_size)) : nil
        }
        if let archive = source.archive, archive != "-" { return size(archive) }
        guard let directory = source.latest, let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return nil }
        return names.compactMap { size("\(directory)/\($0)") }.max()
    }
}

/// Each set's report, put by whichever lane verified it, read in the plan's order.
private final class SetReports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [SetReport?]

    init(count: Int) { reports = Array(repeating: nil, count: count) }

    func put(_ index: Int, _ report: SetReport) { lock.withLock { reports[index] = report } }

    func all() throws -> [SetReport] {
        let done = lock.withLock { reports.compactMap { $0 } }
        guard done.count == reports.count else { throw RestoreCheckError(.io, "a set was left unverified") }
        return done
    }
}
