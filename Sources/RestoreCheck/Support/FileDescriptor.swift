#if canImport(Glibc)
    import Glibc
#endif

/// Owns one open file descriptor and closes it exactly once, whichever way the code that
/// holds it leaves (a throw, an early return). Standard input is borrowed, never closed.
public final class FileDescriptor: @unchecked Sendable {
    /// The descriptor, valid for as long as this owner lives.
    public let raw: Int32
    private let owned: Bool

    /// Opens `path`; a failure carries the path and the real errno.
    public init(opening path: String, flags: Int32, what: String = "cannot open the file") throws {
        let fd = open(path, flags | O_CLOEXEC)
        guard fd >= 0 else { throw RestoreCheckError(.io, what, path: path, errno: errno) }
        raw = fd
        owned = true
    }

    /// Takes ownership of a descriptor someone else opened (`openat`, `dup`).
    public init(adopting fd: Int32) {
        raw = fd
        owned = true
    }

    /// Uses a descriptor this owner must not close (standard input).
    public init(borrowing fd: Int32) {
        raw = fd
        owned = false
    }

    deinit {
        if owned { close(raw) }
    }

    /// `fstat` of the descriptor, with the real errno on failure.
    public func status(path: String) throws -> stat {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw RestoreCheckError(.io, "cannot stat", path: path, errno: errno) }
        return info
    }
}
