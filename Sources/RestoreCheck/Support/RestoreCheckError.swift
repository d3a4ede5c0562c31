#if canImport(Glibc)
    import Glibc
#endif

/// Every error restorecheck reports to a user: what went wrong, on which file (or plan key,
/// or manifest line), and the OS cause when there is one. The `kind` decides the process exit code
/// (docs/ARCHITECTURE.md: exit codes).
public struct RestoreCheckError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Wrong command-line use (exit 64).
        case usage
        /// The plan file is wrong: unknown key, bad value, missing file (exit 78).
        case plan
        /// Something could not be read, written or run, so nothing can be said of the backup (exit 2).
        case io
        /// A manifest's own content is wrong (a line that is no checksum, a bad mtree keyword):
        /// its checks cannot run, so nothing can be said of what it lists (exit 2).
        case manifest
        /// SIGINT or SIGTERM arrived (exit 130).
        case interrupted
    }

    public var kind: Kind
    public var message: String
    /// The file the error is about (an archive, a manifest, a plan), quoted in the description.
    public var path: String?
    /// 1-based line in `path`, for plans and manifests.
    public var line: Int?
    /// `errno` of the failed system call, if any.
    public var errno: Int32?
    /// Further problems of the same kind found in the same read (every problem of a plan).
    public var also: [RestoreCheckError] = []

    public init(_ kind: Kind, _ message: String, path: String? = nil, line: Int? = nil, errno: Int32? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.line = line
        self.errno = errno
    }

    public var exitCode: Int32 {
        switch kind {
        case .usage: return 64
        case .plan: return 78
        case .io, .manifest: return 2
        case .interrupted: return 130
        }
    }

    public var description: String {
        var text = ""
        if let path {
            text += path
            if let line { text += ":\(line)" }
            text += ": "
        }
        text += message
        if let errno { text += " (\(Self.describe(errno: errno)))" }
        // Each further problem on a line of its own, prefixed as the first one is printed.
        for other in also { text += "\nrestorecheck: " + other.description }
        return text
    }

    public static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}
