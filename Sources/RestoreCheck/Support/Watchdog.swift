import CRCSystem
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// restorecheck's own limits, since libarchive 3.6.2 has readers that loop or grow without
/// bound on crafted input and nobody watches a nightly job: the set's time (`limits.max_seconds`),
/// progress through the archive (`limits.stall_seconds`, armed during the restore pass), and
/// resident memory (`limits.max_memory`). Tripping one stops the set at its next check with a
/// `could not verify` naming the entry; a reader stuck inside C past a grace period is ended
/// by removing the sandboxes, stopping the servers and exiting 2. Each set has its own, bound
/// to the thread verifying it, so under `--jobs` a trip stops that set and no other.
final class Watchdog: @unchecked Sendable {
    private let limits: RestoreLimits
    /// Real time always: a limit is about the machine's seconds, whatever clock the run reports.
    private let clock = SystemClock()
    private let lock = NSLock()
    private let timer: DispatchSourceTimer
    private let started: Double
    private var lastBeat: Double
    private var entry: String?
    private var stallArmed = false
    private var trippedAt: Double?
    private var trip: (reason: String, grace: Double)?
    private var stopError: RestoreCheckError?
    /// The memory limits of the sets being verified at once: resident memory is the process's,
    /// so it is held against their sum.
    private static let running = RunningLimits()
    /// Seconds a stuck reader gets, after a trip, to reach a check before the process ends;
    /// memory that keeps growing gets less.
    static let grace: Double = 10
    static let memoryGrace: Double = 1

    init(limits: RestoreLimits) {
        self.limits = limits
        started = clock.monotonic()
        lastBeat = started
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.tick() }
        Self.running.add(limits.maxMemory)
        rc_set_thread_watchdog(Unmanaged.passUnretained(self).toOpaque())
        timer.resume()
    }

    /// The watchdog of the set this thread verifies, if any.
    static var current: Watchdog? {
        rc_thread_watchdog().map { Unmanaged<Watchdog>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Makes this the watchdog of a thread that works for the set (`ParallelLanes`); the
    /// binding ends with the thread.
    func bindToThisThread() { rc_set_thread_watchdog(Unmanaged.passUnretained(self).toOpaque()) }

    /// The limit this set tripped, thrown at its next `Interruption.check()`.
    var stop: RestoreCheckError? { lock.withLock { stopError } }

    deinit { timer.cancel() }

    /// Progress: archive bytes were read or an entry's data arrived.
    func beat() {
        let now = clock.monotonic()
        lock.withLock { lastBeat = now }
    }

    /// The entry being read, for the message when a limit stops it.
    func reading(_ name: String) {
        let now = clock.monotonic()
        lock.withLock {
            entry = name
            lastBeat = now
        }
    }

    /// Stall detection is for the restore pass; an import may be quiet for long.
    func armStall(_ armed: Bool) {
        let now = clock.monotonic()
        lock.withLock {
            stallArmed = armed
            lastBeat = now
        }
    }

    /// Stops watching, on the thread that made it: the next set on this thread starts clean.
    func finish() {
        timer.cancel()
        if rc_thread_watchdog() == Unmanaged.passUnretained(self).toOpaque() { rc_set_thread_watchdog(nil) }
        Self.running.remove(limits.maxMemory)
    }

    private func tick() {
        let now = clock.monotonic()
        let (beat, name, armed, tripped, made) = lock.withLock { (lastBeat, entry, stallArmed, trippedAt, trip) }
        if let tripped, let made {
            if now - tripped > made.grace { Self.end(because: made.reason) }
            if let resident = Self.residentBytes(), resident > Self.running.memory {
                Self.end(because: made.reason + ", and memory passed " + memoryLimitText)
            }
            return
        }
        let place = name.map { " (at entry \($0))" } ?? ""
        var reason: String?
        var grace = Self.grace
        if now - started > limits.maxSeconds {
            reason = "the set ran past limits.max_seconds \(AgeText.format(limits.maxSeconds))\(place)"
        } else if armed, now - beat > limits.stallSeconds {
            let stall = AgeText.format(limits.stallSeconds)
            reason = "no progress through the archive for limits.stall_seconds \(stall)\(place)"
        } else if let resident = Self.residentBytes(), resident > Self.running.memory {
            reason = "memory passed \(memoryLimitText)\(place)"
            grace = Self.memoryGrace
        }
        guard let reason else { return }
        lock.withLock {
            trippedAt = now
            trip = (reason, grace)
            stopError = RestoreCheckError(.io, reason)
        }
    }

    /// `limits.max_memory`, and when several sets run at once, the sum it was held against.
    private var memoryLimitText: String {
        let (count, memory) = Self.running.snapshot
        let own = "limits.max_memory \(ByteSize.format(limits.maxMemory))"
        return count > 1 ? own + " (\(count) sets at once: \(ByteSize.format(memory)) together)" : own
    }

    /// The last resort: the sandboxes and servers go, then the process, with exit 2.
    private static func end(because reason: String) -> Never {
        let left = SandboxRegistry.shared.removeAll()
        let outcome = left.isEmpty ? "sandbox removed" : "could not remove \(left.joined(separator: ", "))"
        let text =
            "restorecheck: \(reason); the reader did not stop, so the run ends here: \(outcome), could not verify\n"
        FileHandle.standardError.write(Data(text.utf8))
        exit(2)
    }

    /// Resident set size from /proc/self/statm (pages × page size).
    static func residentBytes() -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = UInt64(fields[1]) else { return nil }
        return pages * UInt64(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// The sets being verified at once and their memory limits added up.
private final class RunningLimits: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var total: UInt64 = 0

    var memory: UInt64 { lock.withLock { total } }
    var snapshot: (count: Int, memory: UInt64) { lock.withLock { (count, total) } }

    func add(_ memory: UInt64) {
        lock.withLock {
            count += 1
            total = total.addingReportingOverflow(memory).overflow ? .max : total + memory
        }
    }

    func remove(_ memory: UInt64) {
        lock.withLock {
            count -= 1
            total = count == 0 ? 0 : total - min(total, memory)
        }
    }
}
