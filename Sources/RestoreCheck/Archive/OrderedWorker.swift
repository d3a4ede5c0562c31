import Foundation

/// A second thread that takes blocks of bytes in order and does one job with each (write and
/// hash a restored file, hash the archive itself), so the reading thread can go on
/// decompressing. At most `capacity` blocks wait; the reader waits when they are all taken.
/// Blocks are copied into buffers the worker hands back, so a long entry costs no allocation
/// per block. A job that fails (returns an errno) stops the work; the error reaches the
/// reader at its next hand-off or at `finish`.
final class OrderedWorker: @unchecked Sendable {
    typealias Job = (UnsafeRawBufferPointer, Int64) -> Int32?
    private let capacity: Int
    private let condition = NSCondition()
    private var queue: [(bytes: [UInt8], offset: Int64)] = []
    private var spare: [[UInt8]] = []
    private var ended = false
    private var done = false
    private var failure: Int32?
    private let job: Job

    init(capacity: Int = 8, job: @escaping Job) {
        self.capacity = capacity
        self.job = job
        let thread = Thread { [self] in self.drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Hands a copy of `block` over; the job's errno if it has failed.
    func hand(_ block: UnsafeRawBufferPointer, at offset: Int64) -> Int32? {
        condition.lock()
        var bytes = spare.popLast() ?? []
        condition.unlock()
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: block)
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && failure == nil { condition.wait() }
        if failure == nil { queue.append((bytes, offset)) }
        condition.signal()
        return failure
    }

    /// Waits for every block to be done; the job's errno if it failed. `discard` drops what
    /// still waits (the work was abandoned).
    @discardableResult
    func finish(discard: Bool = false) -> Int32? {
        condition.lock()
        defer { condition.unlock() }
        ended = true
        if discard { queue.removeAll() }
        condition.signal()
        while !done { condition.wait() }
        return failure
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty && !ended { condition.wait() }
            if queue.isEmpty {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let (bytes, offset) = queue.removeFirst()
            let skip = failure != nil
            condition.signal()
            condition.unlock()
            let error = skip ? nil : bytes.withUnsafeBytes { job($0, offset) }
            condition.lock()
            if let error { failure = error }
            if spare.count <= capacity { spare.append(bytes) }
            condition.broadcast()
            condition.unlock()
        }
    }
}
