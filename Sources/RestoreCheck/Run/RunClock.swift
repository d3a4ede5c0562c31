import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a run reads the time: the wall clock for timestamps, a monotonic clock for
/// durations. Injected, so a test can make a run's every time and duration fixed.
public protocol RunClock: Sendable {
    /// The wall-clock time, for `started_at` and history rows.
    func now() -> Date
    /// Seconds on a clock that never goes back, for durations.
    func monotonic() -> Double
}

/// The machine's clocks.
public struct SystemClock: RunClock {
    public init() {}

    public func now() -> Date { Date() }

    public func monotonic() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A clock for pinned outputs: the wall clock stands still at `start` and every monotonic
/// reading is `step` seconds after the last, so a run that reads the clock the same number
/// of times reports the same durations, to the byte.
public final class SteppingClock: RunClock, @unchecked Sendable {
    private let start: Date
    private let step: Double
    private let lock = NSLock()
    private var readings = 0

    public init(start: Date, step: Double = 0.125) {
        self.start = start
        self.step = step
    }

    public func now() -> Date { start }

    public func monotonic() -> Double {
        lock.lock()
        defer { lock.unlock() }
        readings += 1
        return Double(readings) * step
    }
}
