import Foundation

/// One machine's share of a plan's sets when many verify one plan (a Kubernetes Indexed Job:
/// pod I of N). Sets are dealt by rendezvous hashing of their names: each set goes to the
/// shard with the highest weight for it, so adding or removing a set moves no other set, and
/// going from N to N+1 shards moves only about one set in N+1. The hash is FNV-1a with a
/// final mix, the same on every machine and every run (Swift's `Hasher` is seeded per process).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 0-based, as `JOB_COMPLETION_INDEX` counts.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= 10_000, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N` (`--shard 2/4`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// `--shard I/N`, else `--shards N` with the index from `JOB_COMPLETION_INDEX` (what a
    /// Kubernetes Indexed Job sets in each pod); nil when neither is given.
    public static func resolve(flag: String?, shards: Int?, variables: [String: String]) throws -> Shard? {
        if let flag {
            guard shards == nil else {
                throw RestoreCheckError(.usage, "--shard I/N already says how many shards; leave out --shards")
            }
            guard let shard = Shard(flag) else {
                throw RestoreCheckError(.usage, "--shard '\(flag)' must be I/N with 0 <= I < N (0/4 … 3/4)")
            }
            return shard
        }
        guard let shards else { return nil }
        guard let text = variables["JOB_COMPLETION_INDEX"] else {
            throw RestoreCheckError(
                .usage, "--shards \(shards) needs JOB_COMPLETION_INDEX (set in a Kubernetes Indexed Job) or --shard I/N"
            )
        }
        guard let index = Int(text), let shard = Shard(index: index, count: shards) else {
            throw RestoreCheckError(.usage, "JOB_COMPLETION_INDEX '\(text)' is not a shard of 0..<\(shards)")
        }
        return shard
    }

    /// Whether this shard verifies the set.
    public func owns(_ setName: String) -> Bool { Self.owner(of: setName, count: count) == index }

    /// The shard a set falls to among `count`.
    public static func owner(of setName: String, count: Int) -> Int {
        var best = 0
        var bestWeight: UInt64 = 0
        for candidate in 0..<count {
            let weight = Self.weight(setName, candidate)
            if candidate == 0 || weight > bestWeight {
                best = candidate
                bestWeight = weight
            }
        }
        return best
    }

    /// FNV-1a over the name, a 0 byte and the shard number, then SplitMix64's finaliser so
    /// that near names spread.
    static func weight(_ name: String, _ shard: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(name.utf8) + [0] + Array(String(shard).utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}
