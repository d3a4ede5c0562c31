import Foundation

/// Dumps loaded while the rest of the archive is still being restored: the restore tells of
/// each entry as it is indexed (`Restorer.entryIndexed`), and a dump that is whole is handed
/// to a lane of its own, so a set's import overlaps its restore instead of following it.
///
/// Only what is certain is kept. A dump's outcome is used when the index, once the restore
/// has ended, still holds the very entry that was loaded (same size, same SHA-256, restored)
/// and no later entry named or rewrote that path; otherwise the dump is loaded again, after
/// the restore, as if nothing had been loaded early. A pg_dump directory archive is loaded
/// after the restore (its files arrive one by one).
final class DumpPrefetch: @unchecked Sendable {
    /// What was loaded early, and from which indexed entry.
    struct Loaded {
        let entry: IndexedEntry
        let explicit: Bool
        let result: Result<([CheckResult], DumpReport?), Error>
    }

    private let condition = NSCondition()
    private let wanted: (IndexedEntry) -> (plan: DatabasePlan, explicit: Bool)?
    private var makeVerifier: ((EntryIndex) -> DatabaseVerifier)?
    private var verifier: DatabaseVerifier?
    private var waiting: [(plan: DatabasePlan, entry: IndexedEntry, explicit: Bool)] = []
    private var loaded: [String: Loaded] = [:]
    private var seen: Set<String> = []
    private var changed: Set<String> = []
    private var running = false
    private var ended = false
    /// Early loads are numbered apart from the later ones: their databases and servers sit
    /// side by side in the sandbox's `db` directory.
    static let firstNumber = 10_000

    /// `wanted` says whether an indexed entry is a dump the db phase will load (and whether
    /// the plan names it); `makeVerifier` builds the verifier once the index exists.
    init(
        wanted: @escaping (IndexedEntry) -> (plan: DatabasePlan, explicit: Bool)?,
        makeVerifier: @escaping (EntryIndex) -> DatabaseVerifier
    ) {
        self.wanted = wanted
        self.makeVerifier = makeVerifier
    }

    /// On the restoring thread, for each entry indexed (and each file rewritten later).
    func saw(_ entry: IndexedEntry, in index: EntryIndex) {
        condition.lock()
        defer { condition.unlock() }
        guard seen.insert(entry.productionPath).inserted else {
            // A path told of twice: what was (or will be) loaded from it may not be what is there.
            changed.insert(entry.productionPath)
            return
        }
        guard !ended, entry.type == .file, entry.restored, let job = wanted(entry) else { return }
        if verifier == nil, let makeVerifier {
            verifier = makeVerifier(index)
            self.makeVerifier = nil
        }
        waiting.append((job.plan, entry, job.explicit))
        if !running { startLane() }
    }

    /// Waits for the lane to finish; the dumps loaded early whose entry nothing changed since.
    func finish() -> [String: Loaded] {
        condition.lock()
        defer { condition.unlock() }
        ended = true
        waiting.removeAll()
        while running { condition.wait() }
        verifier?.servers.stopAll()
        // The verifier holds the sandbox, removed when its last owner goes: the lane's thread
        // may keep this object a moment longer, so it lets go of the verifier now.
        verifier = nil
        makeVerifier = nil
        return loaded.filter { !changed.contains($0.key) }
    }

    /// One lane, bound to the set's watchdog, loading the waiting dumps in the order they arrived.
    private func startLane() {
        running = true
        let watchdog = Watchdog.current
        let thread = Thread { [self] in
            watchdog?.bindToThisThread()
            var number = Self.firstNumber
            while let (job, verifier) = next() {
                let result = Result {
                    try verifier.verify(job.plan, entry: job.entry, number: number, explicit: job.explicit)
                }
                number += 1
                condition.withLock {
                    loaded[job.plan.dump] = Loaded(entry: job.entry, explicit: job.explicit, result: result)
                }
            }
        }
        thread.stackSize = ParallelLanes.stackSize
        thread.start()
    }

    private func next() -> ((plan: DatabasePlan, entry: IndexedEntry, explicit: Bool), DatabaseVerifier)? {
        condition.withLock {
            guard !ended, !waiting.isEmpty, let verifier else {
                running = false
                condition.broadcast()
                return nil
            }
            return (waiting.removeFirst(), verifier)
        }
    }
}
