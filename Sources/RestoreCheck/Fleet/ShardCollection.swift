import Foundation

/// The shards of one fleet run, read back for `merge`: each shard's record and, when it
/// finished, its run's `report.json`. Every set of the plan ends up in `sets` exactly once,
/// in the plan's order: the shard's own result, or an error saying why there is none.
struct ShardCollection {
    var sets: [SetReport] = []
    var warnings: [String] = []
    var hosts: [String] = []
    var startedAt: Date?
    var now: Date?
    var plan: String?
    var strict = false
    var seconds = 0.0

    /// Two shards started further apart than this are not of one run: the older is yesterday's.
    static let runWindow: TimeInterval = 12 * 3600

    static func load(_ directories: [String], runID: String?) throws -> ShardCollection {
        var found: [(directory: String, record: ShardRecord)] = []
        for directory in try shardDirectories(directories) {
            found.append((directory, try ShardRecord.read(from: directory)))
        }
        var collection = ShardCollection()
        // Leftovers of another run are set aside, never merged: that would be a stale pass.
        guard let newest = found.max(by: { $0.record.startedAt < $1.record.startedAt }) else {
            throw RestoreCheckError(.usage, "no shard records in \(directories.joined(separator: ", "))")
        }
        let wanted = runID ?? newest.record.runID
        let current = found.filter { item in
            let sameRun =
                wanted.map { item.record.runID == $0 }
                ?? (newest.record.startedAt.timeIntervalSince(item.record.startedAt) <= runWindow)
            if !sameRun {
                collection.warnings.append(
                    "\(item.directory) is of another run (started \(ISOTime.string(item.record.startedAt))"
                        + "\(item.record.runID.map { ", run \($0)" } ?? "")): left out")
            }
            return sameRun
        }
        let counts = Set(current.map(\.record.count))
        guard counts.count == 1, let count = counts.first else {
            let seen = counts.sorted().map(String.init).joined(separator: ", ")
            throw RestoreCheckError(.usage, "the shards disagree on how many there are (\(seen))")
        }
        let planSets = (current.max { $0.record.startedAt < $1.record.startedAt } ?? newest).record.planSets
        var bySet: [String: SetReport] = [:]
        for index in 0..<count {
            let share = planSets.filter { Shard.owner(of: $0, count: count) == index }
            guard let item = current.first(where: { $0.record.index == index }) else {
                for name in share {
                    bySet[name] = missing(name, "shard \(index)/\(count) never started: it left no shard record")
                }
                continue
            }
            collection.hosts.append(item.record.host)
            collection.startedAt = min(collection.startedAt ?? item.record.startedAt, item.record.startedAt)
            guard item.record.finishedAt != nil else {
                let why =
                    "shard \(index)/\(count) started at \(ISOTime.string(item.record.startedAt)) on "
                    + "\(item.record.host) and never reported (killed, evicted or out of memory?)"
                for name in item.record.sets { bySet[name] = missing(name, why) }
                continue
            }
            guard let run = item.record.run else { continue } // finished with no set of its own
            let path = (item.directory as NSString).appendingPathComponent(run + "/report.json")
            do {
                let report = try JSONReporter.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
                for set in report.sets { bySet[set.name] = set }
                collection.warnings += report.warnings.map { "shard \(index)/\(count): \($0)" }
                collection.now = collection.now ?? report.now
                collection.plan = collection.plan ?? report.plan
                collection.strict = collection.strict || report.strict
                collection.seconds = max(collection.seconds, report.seconds)
            } catch {
                for name in item.record.sets {
                    bySet[name] = missing(name, "shard \(index)/\(count) finished but its report \(path) is unreadable")
                }
            }
        }
        collection.hosts = Array(Set(collection.hosts)).sorted()
        collection.sets = planSets.map { bySet[$0] ?? missing($0, "no shard reported this set") }
        return collection
    }

    /// Each argument is a shard's directory (it holds `shard.json`) or a report directory
    /// whose `shards/*/` hold them.
    static func shardDirectories(_ arguments: [String]) throws -> [String] {
        let manager = FileManager.default
        var out: [String] = []
        for argument in arguments {
            let directory = URL(fileURLWithPath: argument).standardized.path
            if manager.fileExists(atPath: directory + "/" + ShardRecord.fileName) {
                out.append(directory)
                continue
            }
            let shards = directory + "/shards"
            let names = ((try? manager.contentsOfDirectory(atPath: shards)) ?? []).filter {
                manager.fileExists(atPath: "\(shards)/\($0)/\(ShardRecord.fileName)")
            }
            guard !names.isEmpty else {
                throw RestoreCheckError(.usage, "holds no shard.json, nor shards/*/shard.json", path: directory)
            }
            out += names.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.map { "\(shards)/\($0)" }
        }
        return out
    }

    /// A set with no result: one error check saying why, so the merged run cannot pass.
    static func missing(_ name: String, _ why: String) -> SetReport {
        var set = SetReport(name: name)
        set.checks = [CheckResult(CheckID(.source, "shard"), status: .error, message: why)]
        return set
    }
}
