import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a whole file through a temporary name beside it and a rename, so a reader (CI, the
/// textfile collector, a person) never sees half of it.
enum AtomicFile {
    /// `what` names the file in errors ("the report", "the metrics file").
    static func write(_ data: Data, to path: String, mode: mode_t? = nil, what: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let attributes: [FileAttributeKey: Any]? = mode.map { [.posixPermissions: $0] }
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: attributes) else {
            throw RestoreCheckError(.io, "cannot write \(what)", path: temporary, errno: errno)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw RestoreCheckError(.io, "cannot move \(what) into place", path: path, errno: code)
        }
    }
}
