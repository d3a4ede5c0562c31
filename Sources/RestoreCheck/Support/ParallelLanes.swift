import Foundation

/// Runs jobs 0..<count on `lanes` threads at once — the calling thread and lanes − 1 others —
/// each lane taking the next job as it finishes one, so a long job never holds up a queue of
/// short ones behind it. The first error stops the handing out of jobs and is thrown once
/// every lane has stopped. `--jobs` verifies sets this way and writes their reports.
enum ParallelLanes {
    /// The main thread's stack size, for lanes that parse untrusted archives and dumps too.
    static let stackSize = 8 << 20

    static func run(_ count: Int, lanes: Int, _ job: @escaping @Sendable (Int) throws -> Void) throws {
        let lanes = min(max(1, lanes), count)
        guard lanes > 1 else {
            for index in 0..<count { try job(index) }
            return
        }
        // The lanes reach the job through the queue, which lets go of it once they are done: a
        // thread's closure can outlive `run` by a moment, and must not keep what the job holds
        // (a set's sandbox, removed when its last owner goes) alive past it.
        let queue = JobQueue(count: count, lanes: lanes, job: job)
        // A set's limits follow its work onto the lanes: a trip stops the lanes' jobs too.
        let watchdog = Watchdog.current
        for _ in 1..<lanes {
            let thread = Thread {
                watchdog?.bindToThisThread()
                queue.drain()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        queue.drain()
        try queue.wait()
    }

    /// As `run`, with each job's value returned in the jobs' order, whichever lane ran it.
    static func map<Value>(_ count: Int, lanes: Int, _ job: @escaping @Sendable (Int) throws -> Value) throws
        -> [Value]
    {
        let values = Slots<Value>(count: count)
        try run(count, lanes: lanes) { index in values.put(index, try job(index)) }
        return try values.all()
    }
}

/// One slot per job, filled by whichever lane ran it.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func put(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }

    func all() throws -> [Value] {
        let done = lock.withLock { values.compactMap { $0 } }
        guard done.count == values.count else { throw RestoreCheckError(.io, "a job was left undone") }
        return done
    }
}

/// The jobs not yet taken, the lanes still running and the first error.
private final class JobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private var taken = 0
    private var running: Int
    private var error: Error?
    private var job: (@Sendable (Int) throws -> Void)?

    init(count: Int, lanes: Int, job: @escaping @Sendable (Int) throws -> Void) {
        self.count = count
        running = lanes
        self.job = job
    }

    /// One lane: jobs until none is left or one has failed.
    func drain() {
        while let (index, job) = next() {
            do { try job(index) } catch { fail(error) }
        }
    }

    /// The next job, or nil once all are taken or one has failed (the lane then ends).
    private func next() -> (Int, @Sendable (Int) throws -> Void)? {
        condition.withLock {
            if error == nil, taken < count, let job {
                taken += 1
                return (taken - 1, job)
            }
            running -= 1
            condition.broadcast()
            return nil
        }
    }

    private func fail(_ error: Error) { condition.withLock { self.error = self.error ?? error } }

    /// Returns once every lane has ended, the job let go of; throws the first error.
    func wait() throws {
        try condition.withLock {
            while running > 0 { condition.wait() }
            job = nil
            if let error { throw error }
        }
    }
}
