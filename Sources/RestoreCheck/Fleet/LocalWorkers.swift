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
    let plan: Plan
    /// Each set's largest archive (nil: none found), read once for the dealing and the limits.
    private let sizes: [UInt64?]

    /// Memory one set may need at once: a restore's buffers and index plus a database engine.
    static let memoryPerWorker: UInt64 = 512 << 20

    init(request: VerifyRequest, environment: RunEnvironment, plan: Plan) {
        self.request = request
        self.environment = environment
        self.plan = plan
        sizes = plan.sets.map { Self.largestArchive($0.source) }
    }

    /// The plan's sets, `lanes` at a time; the reports in the plan's order.
    func verify(now: Date, lanes: Int) throws -> [SetReport] {
        let size = sizes.map { $0 ?? 0 }
        let order = plan.sets.indices.sorted { size[$0] != size[$1] ? size[$0] > size[$1] : $0 < $1 }
        let (request, environment, plan) = (request, environment, plan)
        let reports = try ParallelLanes.map(order.count, lanes: lanes) { position in
            try SetVerification(set: plan.sets[order[position]], request: request, environment: environment, now: now)
                .run()
        }
        var inPlanOrder = [SetReport?](repeating: nil, count: plan.sets.count)
        for (position, index) in order.enumerated() { inPlanOrder[index] = reports[position] }
        return inPlanOrder.compactMap { $0 }
    }

    /// `--jobs` lowered to what this machine can hold at once: memory for each set, and
    /// scratch space for the largest archives restored side by side (four times their size).
    func affordableJobs() -> Int {
        var jobs = min(request.jobs, plan.sets.count)
        if let available = Self.availableMemory(), available / Self.memoryPerWorker < UInt64(jobs) {
            let fit = max(1, Int(available / Self.memoryPerWorker))
            environment.output.warn(
                "restorecheck: warning: --jobs \(jobs) lowered to \(fit): \(ByteSize.format(available)) of memory "
                    + "available, \(ByteSize.format(Self.memoryPerWorker)) wanted per set")
            jobs = fit
        }
        let sizes = sizes.compactMap { $0 }.sorted(by: >)
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
