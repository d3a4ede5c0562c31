import Foundation

/// Carries an import's commands from the thread that reads and lexes the dump to the thread
/// that runs them in SQLite: batches of commands in a queue a few batches deep, so memory
/// stays flat whatever the dump's size and the reader waits when SQLite falls behind.
///
/// The reader learns that the dump has failed a little late (when it next hands over a
/// batch); what it sends meanwhile is only scanned by the writer, as one thread would have
/// done. Where the reader's own course depends on it (a failure it found itself, a COPY
/// whose statement may not prepare), it waits for the writer with `sync()`.
final class ImportChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[ImportCommand]] = []
    /// Batches the writer has run, handed back so the reader frees what it allocated: a
    /// thread freeing another's allocations contends with it for glibc's arena lock (measured:
    /// 80 000 context switches on a 100 MB dump, and slower than one thread).
    private var spent: [[ImportCommand]] = []
    private var pending: [ImportCommand] = []
    private var pendingRows = 0
    private var busy = false
    private var ended = false
    private var finished = false
    private var writerFailed = false
    private let writer: SQLiteDumpWriter
    /// Batches waiting at most; a batch is about `batchRows` rows or `batchCommands` commands.
    private static let depth = 4
    private static let batchRows = 512
    private static let batchCommands = 256

    /// Starts the writer's thread; `finish()` must be called before the writer is read.
    init(writer: SQLiteDumpWriter) {
        self.writer = writer
        let watchdog = Watchdog.current
        let thread = Thread { [self] in
            watchdog?.bindToThisThread()
            drain()
        }
        thread.stackSize = ParallelLanes.stackSize
        thread.start()
    }

    /// Whether the writer had failed when the reader last handed it a batch.
    private(set) var failed = false

    func send(_ command: ImportCommand) {
        pending.append(command)
        if case .rows(let rows) = command { pendingRows += rows.count }
        if pending.count >= Self.batchCommands || pendingRows >= Self.batchRows { flush() }
    }

    /// Waits until the writer has run everything sent; returns whether the dump has failed.
    func sync() -> Bool {
        flush()
        condition.lock()
        while !queue.isEmpty || busy { condition.wait() }
        failed = writerFailed
        condition.unlock()
        return failed
    }

    /// Sends what is left, waits for the writer to run it and end its thread.
    func finish() {
        flush()
        condition.lock()
        ended = true
        condition.broadcast()
        while !finished { condition.wait() }
        failed = writerFailed
        condition.unlock()
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        condition.lock()
        while queue.count >= Self.depth { condition.wait() }
        queue.append(pending)
        failed = writerFailed
        let done = spent
        spent = []
        condition.broadcast()
        condition.unlock()
        pending = []
        pendingRows = 0
        withExtendedLifetime(done) {}
    }

    /// The writer's thread: batches in order until the reader has finished.
    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty && !ended { condition.wait() }
            if queue.isEmpty {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = queue.removeFirst()
            busy = true
            condition.broadcast()
            condition.unlock()
            for command in batch { writer.apply(command) }
            condition.lock()
            spent.append(batch)
            busy = false
            writerFailed = writer.failed
            condition.broadcast()
            condition.unlock()
        }
    }
}
