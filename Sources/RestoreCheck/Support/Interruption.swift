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
                    SandboxRegistry.shared.removeAll()
                    FileHandle.standardError.write(Data("restorecheck: interrupted; sandbox removed\n".utf8))
                    exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Throws `.interrupted` once a signal has arrived.
    public static func check() throws {
        if flag.isSet { throw RestoreCheckError(.interrupted, "interrupted by a signal") }
    }
}

private final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
