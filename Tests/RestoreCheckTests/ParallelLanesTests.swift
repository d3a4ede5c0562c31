import Foundation
import Testing

@testable import RestoreCheck

/// `--jobs`: sets verified on lanes of one process. Each job runs once, two run at the same
/// time, a failure stops the handing out, and a limit one set trips stops that set alone.
@Suite struct ParallelLanesTests {
    @Test func everyJobRunsOnceAndTwoRunAtOnce() throws {
        let seen = Tally()
        try ParallelLanes.run(40, lanes: 2) { index in
            seen.add(index)
            usleep(2_000)
            seen.leave()
        }
        #expect(seen.indices.sorted() == Array(0..<40))
        #expect(seen.mostAtOnce == 2, "two lanes should overlap")
    }

    @Test func oneLaneRunsInOrderOnTheCallingThread() throws {
        let seen = Tally()
        try ParallelLanes.run(5, lanes: 1) { index in
            seen.add(index)
            seen.leave()
        }
        #expect(seen.indices == [0, 1, 2, 3, 4] && seen.mostAtOnce == 1)
    }

    @Test func aFailureStopsTheRestAndIsThrown() {
        let seen = Tally()
        #expect(throws: RestoreCheckError.self) {
            try ParallelLanes.run(100, lanes: 2) { index in
                seen.add(index)
                seen.leave()
                if index == 3 { throw RestoreCheckError(.interrupted, "interrupted by a signal") }
                usleep(1_000)
            }
        }
        #expect(seen.indices.count < 10, "jobs were still handed out after the failure: \(seen.indices.count)")
    }

    /// Two sets at once: the one past its `limits.max_seconds` is stopped at its next check;
    /// the other, checking all the while, is not.
    @Test func aTrippedLimitStopsItsOwnSetOnly() throws {
        let stopped = Tally()
        try ParallelLanes.run(2, lanes: 2) { index in
            var limits = RestoreLimits()
            limits.maxSeconds = index == 0 ? 0.2 : 60
            let watchdog = Watchdog(limits: limits)
            defer { watchdog.finish() }
            let start = Date()
            while Date().timeIntervalSince(start) < 2.5 {
                do {
                    try Interruption.check()
                } catch {
                    stopped.add(index)
                    stopped.leave()
                    #expect("\(error)".contains("limits.max_seconds"))
                    break
                }
                usleep(5_000)
            }
        }
        #expect(stopped.indices == [0])
        // Once its set has ended, the thread carries no stop into the next one.
        #expect(Watchdog.current == nil)
        try Interruption.check()
    }
}

/// What the jobs did: which ran, and the most that ran at the same time.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    private var now = 0
    private var most = 0

    var indices: [Int] { lock.withLock { list } }
    var mostAtOnce: Int { lock.withLock { most } }

    func add(_ index: Int) {
        lock.withLock {
            list.append(index)
            now += 1
            most = max(most, now)
        }
    }

    func leave() { lock.withLock { now -= 1 } }
}
