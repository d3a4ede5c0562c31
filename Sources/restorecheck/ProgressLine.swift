import Foundation
import RestoreCheck

/// A one-line progress display on stderr while restoring (only on a terminal): bytes of the
/// archive read out of its size, entries, and throughput. Redrawn at most ten times a second.
final class ProgressLine: @unchecked Sendable {
    static let shared = ProgressLine()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var started = Date()
    private var shown = false

    func update(bytes: UInt64, total: UInt64?, entries: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if !shown { started = now }
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        shown = true
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(bytes) / elapsed
        var line = "restoring: \(ByteSize.format(bytes))"
        if let total, total > 0 {
            line += " of \(ByteSize.format(total)) (\(Int(Double(bytes) * 100 / Double(total)))%)"
            if rate > 0, bytes < total { line += ", ETA \(AgeText.format(Double(total - bytes) / rate))" }
        }
        line += ", \(entries) entries, \(ByteSize.format(UInt64(rate)))/s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    /// While a dump is re-imported: its name and the SQL read so far.
    func importing(dump: String, bytes: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        shown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + "importing \(dump): \(ByteSize.format(bytes)) of SQL").utf8))
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
