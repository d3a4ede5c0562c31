import CRCSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What pg_restore reads, whichever form pg_dump wrote: a custom (`-Fc`) or tar (`-Ft`)
/// archive as a stream on its standard input, decompressed on the way when the backup
/// compressed it (`.dump.gz`, `.dump.zst`), or a directory archive (`-Fd`) by its path.
enum PgArchiveInput {
    case stream(DumpFeeder)
    case directory(String)

    /// pg_restore's trailing arguments: the directory, or none for standard input.
    var arguments: [String] {
        if case .directory(let path) = self { return [path] }
        return []
    }

    /// The descriptor to hand pg_restore as its standard input, if it reads one.
    func standardInput() throws -> FileDescriptor? {
        if case .stream(let feeder) = self { return try feeder.start() }
        return nil
    }

    /// Why the stream could not be read to its end (a damaged `.gz` around the archive).
    var feedError: String? {
        if case .stream(let feeder) = self { return feeder.finish() }
        return nil
    }
}

/// Copies a dump's bytes (decompressed) into a pipe on a thread of its own, so pg_restore can
/// read them while we read pg_restore's output. After `start` the source is used by that
/// thread only, which is why the class may cross to it.
final class DumpFeeder: @unchecked Sendable {
    private let source: DumpByteSource
    private let done = DispatchSemaphore(value: 0)
    private var error: String?
    private var started = false

    init(_ source: DumpByteSource) { self.source = source }

    /// The read end of the pipe; the thread writes until the source ends, then closes it.
    func start() throws -> FileDescriptor {
        var ends: [Int32] = [0, 0]
        // Close-on-exec from the start: under `--jobs` another set's thread may spawn a program
        // at any moment, and one holding this pipe's write end would keep pg_restore waiting.
        guard rc_pipe_cloexec(&ends) == 0 else {
            throw RestoreCheckError(.io, "cannot make a pipe for pg_restore", errno: errno)
        }
        let writer = ends[1]
        started = true
        let thread = Thread { [self] in
            defer {
                close(writer)
                done.signal()
            }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            do {
                while true {
                    let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
                    if count == 0 { return }
                    // pg_restore stopping early (an error of its own) only stops the copy.
                    guard buffer.withUnsafeBytes({ writeAll(writer, UnsafeRawBufferPointer(rebasing: $0[..<count])) })
                    else { return }
                }
            } catch {
                self.error = "\(error)"
            }
        }
        thread.start()
        return FileDescriptor(adopting: ends[0])
    }

    /// Waits for the copy to end; the error that stopped it, if any.
    func finish() -> String? {
        guard started else { return nil }
        done.wait()
        started = false
        return error
    }
}
