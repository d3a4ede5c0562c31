import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The second core of a restore: for a large entry, the blocks libarchive decompresses on the
/// reading thread are copied into a short queue, and a second thread writes them into the
/// sandbox and feeds the digests, in order. Decompression (and the archive's own digest) and
/// hashing the restored bytes then run side by side instead of one after the other. The
/// queue holds at most `capacity` blocks, so memory stays flat whatever the entry's size; the
/// reader waits when it is full.
final class BlockPipeline: @unchecked Sendable {
    /// Entries at least this large go through the pipeline; smaller ones cost more in hand-off
    /// than they gain.
    static let threshold: Int64 = 1 << 20
    private let capacity = 8
    private let condition = NSCondition()
    private var queue: [(bytes: [UInt8], offset: Int64)] = []
    /// Buffers the writer is done with, kept with their capacity: a fresh allocation per block
    /// costs page faults that showed as a third of the restore's system time.
    private var spare: [[UInt8]] = []
    private var ended = false
    private var done = false
    private var failure: Int32?
    private var digest: MultiDigest
    private let fd: Int32

    init(fd: Int32, algorithms: Set<DigestAlgorithm>) {
        self.fd = fd
        digest = MultiDigest(algorithms)
        let thread = Thread { [self] in self.drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Hands one block over (a copy: libarchive reuses its buffer). Throws the writer's error.
    func write(_ block: UnsafeRawBufferPointer, at offset: Int64, name: String) throws {
        condition.lock()
        var bytes = spare.popLast() ?? []
        condition.unlock()
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: block)
        condition.lock()
        while queue.count >= capacity && failure == nil { condition.wait() }
        let failed = failure
        if failed == nil { queue.append((bytes, offset)) }
        condition.signal()
        condition.unlock()
        if let failed { throw Self.error(failed, name) }
    }

    /// Waits for every block to be written and hashed; the digests, or the writer's error.
    func finish(name: String) throws -> MultiDigest {
        condition.lock()
        ended = true
        condition.signal()
        while !done { condition.wait() }
        let failed = failure
        condition.unlock()
        if let failed { throw Self.error(failed, name) }
        return digest
    }

    /// Stops the writer after an error on the reading side (the entry is abandoned).
    func abandon() {
        condition.lock()
        ended = true
        queue.removeAll()
        condition.signal()
        while !done { condition.wait() }
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty && !ended { condition.wait() }
            if queue.isEmpty && ended {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let (bytes, offset) = queue.removeFirst()
            condition.signal()
            let skip = failure != nil
            condition.unlock()
            if skip { continue }
            let error = bytes.withUnsafeBytes { block -> Int32? in
                var written = 0
                while written < block.count {
                    let n = pwrite(
                        fd, block.baseAddress! + written, block.count - written, off_t(offset) + off_t(written))
                    if n < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += n
                }
                digest.update(block)
                return nil
            }
            condition.lock()
            if let error {
                failure = error
                condition.broadcast()
            }
            if spare.count < capacity + 1 { spare.append(bytes) }
            condition.unlock()
        }
    }

    private static func error(_ code: Int32, _ name: String) -> RestoreCheckError {
        RestoreCheckError(.io, "cannot write the restored copy of \(name)", errno: code)
    }
}
