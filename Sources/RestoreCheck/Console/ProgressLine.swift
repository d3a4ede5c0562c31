import Foundation

/// The one-line progress display while a set is restored and its dumps imported: bytes of
/// the archive read out of its size, entries, throughput and an ETA; then the SQL read per
/// dump. Redrawn at most ten times a second, through the run's output sink.
final class ProgressLine: @unchecked Sendable {
    private let output: OutputSink
    private let clock: any RunClock
    private let lock = NSLock()
    private var lastDraw = -Double.infinity
    private var started: Double?

    init(output: OutputSink, clock: any RunClock) {
        self.output = output
        self.clock = clock
    }

    func restoring(bytes: UInt64, total: UInt64?, entries: Int) {
        guard let now = due() else { return }
        let elapsed = max(now - (started ?? now), 0.001)
        let rate = Double(bytes) / elapsed
        var line = "restoring: \(ByteSize.format(bytes))"
        if let total, total > 0 {
            line += " of \(ByteSize.format(total)) (\(Int(Double(bytes) * 100 / Double(total)))%)"
            if rate > 0, bytes < total { line += ", ETA \(AgeText.format(Double(total - bytes) / rate))" }
        }
        line += ", \(entries) entries, \(ByteSize.format(UInt64(rate)))/s"
        output.progress(line)
    }

    func importing(dump: String, bytes: UInt64) {
        guard due() != nil else { return }
        output.progress("importing \(dump): \(ByteSize.format(bytes)) of SQL")
    }

    /// The time now when a redraw is due (a tenth of a second since the last), else nil.
    private func due() -> Double? {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.monotonic()
        if started == nil { started = now }
        guard now - lastDraw >= 0.1 else { return nil }
        lastDraw = now
        return now
    }
}
