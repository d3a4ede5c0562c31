import Foundation

/// `shards/<I>/shard.json`: what one shard of a fleet run set out to do and whether it got
/// there. Written when the shard starts (so a shard that is killed leaves a record saying so)
/// and again when its reports are written; `merge` reads these, never a shared database.
public struct ShardRecord: Codable, Sendable {
    public var index: Int
    public var count: Int
    /// The fleet run this shard belongs to (`--run-id`, `RESTORECHECK_RUN_ID`): merge keeps
    /// shards of one run apart from yesterday's leftovers.
    public var runID: String?
    public var host: String
    public var startedAt: Date
    public var finishedAt: Date?
    /// Every set of the plan in the plan's order, so a merge can name the sets of a shard that
    /// never started.
    public var planSets: [String]
    /// This shard's share of them.
    public var sets: [String]
    /// The run directory (relative to the shard's directory) once the reports are written.
    public var run: String?

    public static let fileName = "shard.json"

    /// `runId` so the snake_case strategies map it to and from `run_id`.
    private enum CodingKeys: String, CodingKey {
        case index, count
        case runID = "runId"
        case host, startedAt, finishedAt, planSets, sets, run
    }

    public var shard: Shard? { Shard(index: index, count: count) }

    func write(into directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try AtomicFile.write(
            try encoder.encode(self), to: (directory as NSString).appendingPathComponent(Self.fileName),
            what: "the shard record")
    }

    static func read(from directory: String) throws -> ShardRecord {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RestoreCheckError(.io, "cannot read the shard record", path: path)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(ShardRecord.self, from: data)
        } catch {
            throw RestoreCheckError(.io, "not a shard record: \(error)", path: path)
        }
    }

    /// `REPORT-DIR/shards/<I>`: each shard's reports and history apart from the others'.
    public static func directory(for shard: Shard, under reports: String) -> String {
        (reports as NSString).appendingPathComponent("shards/\(shard.index)")
    }
}
