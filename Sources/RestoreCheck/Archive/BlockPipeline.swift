import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The second core of a restore: a large entry's blocks are written into the sandbox and fed
/// to the digests on an `OrderedWorker`, in order, while the reading thread decompresses the
/// next ones. Memory stays flat whatever the entry's size (the worker's queue is bounded).
final class BlockPipeline: @unchecked Sendable {
    /// Entries at least this large go through the pipeline; smaller ones cost more in hand-off
    /// than they gain.
    static let threshold: Int64 = 1 << 20
    /// Touched only by the worker until `finish` has waited for it.
    private final class State: @unchecked Sendable {
        var digest: MultiDigest
        init(_ digest: MultiDigest) { self.digest = digest }
    }
    private let state: State
    private let worker: OrderedWorker

    init(fd: Int32, algorithms: Set<DigestAlgorithm>) {
        let state = State(MultiDigest(algorithms))
        self.state = state
        worker = OrderedWorker { block, offset in
            var written = 0
            while written < block.count {
                let n = pwrite(fd, block.baseAddress! + written, block.count - written, off_t(offset) + off_t(written))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            state.digest.update(block)
            return nil
        }
    }

    /// Hands one block over (a copy: libarchive reuses its buffer). Throws the writer's error.
    func write(_ block: UnsafeRawBufferPointer, at offset: Int64, name: String) throws {
        if let failed = worker.hand(block, at: offset) { throw Self.error(failed, name) }
    }

    /// Waits for every block to be written and hashed; the digests, or the writer's error.
    func finish(name: String) throws -> MultiDigest {
        if let failed = worker.finish() { throw Self.error(failed, name) }
        return state.digest
    }

    /// Stops the writer after an error on the reading side (the entry is abandoned).
    func abandon() { worker.finish(discard: true) }

    private static func error(_ code: Int32, _ name: String) -> RestoreCheckError {
        RestoreCheckError(.io, "cannot write the restored copy of \(name)", errno: code)
    }
}
