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

    /// Throws `.interrupted` once a signal has arrived, or the error the watchdog of the set
    /// this thread verifies stopped it with (a time or memory limit).
    public static func check() throws {
        if flag.isSet { throw RestoreCheckError(.interrupted, "interrupted by a signal") }
        if let stop = Watchdog.current?.stop { throw stop }
    }
}

private final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
