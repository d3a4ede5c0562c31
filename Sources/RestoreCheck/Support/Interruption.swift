import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT / SIGTERM handling: the first signal asks the running restore to stop (it checks
/// between blocks and cleans up through the normal path); if it has not finished two seconds
/// later, the handler removes every sandbox itself and exits 130.
public enum Interruption {
    private static let flag = InterruptFlag()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    public static var isRequested: Bool { flag.isSet }

    public static func install() {
        // A helper that exits early (psql on an error) must not kill us through its pipe.
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                flag.set()
                DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                    let left = SandboxRegistry.shared.removeAll()
                    let outcome = left.isEmpty ? "sandbox removed" : "could not remove \(left.joined(separator: ", "))"
                    FileHandle.standardError.write(Data("restorecheck: interrupted; \(outcome)\n".utf8))
                    exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Throws `.interrupted` once a signal has arrived, or the error a watchdog stopped the
    /// run with (a time or memory limit).
    public static func check() throws {
        if flag.isSet { throw RestoreCheckError(.interrupted, "interrupted by a signal") }
        if let stop = flag.stop { throw stop }
    }

    /// A watchdog's stop: the running step throws `error` at its next check.
    static func stop(with error: RestoreCheckError) { flag.stop(error) }

    /// Clears a watchdog's stop once its set has ended (a signal is never cleared).
    static func clearStop() { flag.stop(nil) }
}

private final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var stopError: RestoreCheckError?
    var isSet: Bool { lock.withLock { value } }
    var stop: RestoreCheckError? { lock.withLock { stopError } }
    func set() { lock.withLock { value = true } }
    func stop(_ error: RestoreCheckError?) { lock.withLock { stopError = error } }
}
