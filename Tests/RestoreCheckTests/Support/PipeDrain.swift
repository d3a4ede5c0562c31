import Foundation

/// Reads one pipe to its end on a thread of its own, retrying reads that a signal interrupts
/// (EINTR), so a test never crashes or hangs on a child's output.
final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the reading thread only, read after `done` is signalled.
    private var bytes: [UInt8] = []

    init(_ fd: Int32) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    bytes += buffer[0..<count]
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            done.signal()
        }
        thread.start()
    }

    /// Everything the pipe carried, once its writer closed it.
    func text() -> String {
        done.wait()
        return String(decoding: bytes, as: UTF8.self)
    }
}
