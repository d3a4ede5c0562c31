import CRCSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Why an entry was not materialised. Each becomes an offender of the `safety` check.
public enum MaterializeRefusal: Error, Equatable, Sendable {
    /// A parent of the entry is a symlink: writing would go through it.
    case throughSymlink
    /// A parent of the entry exists and is not a directory.
    case parentNotDirectory
    /// A hardlink whose target was not restored (or is not a regular file inside the sandbox).
    case hardlinkTargetMissing
    /// A directory is where the entry should go.
    case directoryInTheWay
    /// Any other system error, with errno.
    case system(Int32)

    public var reason: String {
        switch self {
        case .throughSymlink: return "a parent directory is a symlink; writing through it is refused"
        case .parentNotDirectory: return "a parent path exists and is not a directory"
        case .hardlinkTargetMissing: return "hardlink target is not a restored regular file"
        case .directoryInTheWay: return "a directory already stands at this path"
        case .system(let code): return RestoreCheckError.describe(errno: code)
        }
    }
}

/// Creates files, directories and links below the sandbox root. Every path is resolved with
/// `openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)`, so neither `..` nor a symlink planted by an
/// earlier entry can carry a write outside the sandbox: the kernel refuses it.
public final class SandboxWriter {
    private let rootFD: Int32
    /// Directory modes are applied at the end (deepest first), so a read-only directory in the
    /// archive does not block the entries that follow it.
    private var pendingDirectoryModes: [(components: [[UInt8]], mode: mode_t)] = []
    private static let resolve = RC_RESOLVE_BENEATH | RC_RESOLVE_NO_SYMLINKS | RC_RESOLVE_NO_MAGICLINKS

    public init(rootFD: Int32) {
        self.rootFD = rootFD
    }

    /// Opens (creating when `create`) the directory that holds the last component.
    /// The caller closes the returned descriptor.
    public func openParent(of components: [[UInt8]], create: Bool) throws(MaterializeRefusal) -> Int32 {
        var fd = dup(rootFD)
        guard fd >= 0 else { throw .system(errno) }
        for component in components.dropLast() {
            var next = Self.openDirectory(fd, component)
            if next < 0 && errno == ENOENT && create {
                let made = component.withCName { mkdirat(fd, $0, 0o755) }
                if made != 0 && errno != EEXIST {
                    let code = errno
                    close(fd)
                    throw .system(code)
                }
                next = Self.openDirectory(fd, component)
            }
            if next < 0 {
                var code = errno
                var info = stat()
                if code == ENOTDIR, component.withCName({ fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0,
                    info.st_mode & S_IFMT == S_IFLNK
                {
                    code = ELOOP
                }
                close(fd)
                switch code {
                case ELOOP, EXDEV: throw .throughSymlink
                case ENOTDIR: throw .parentNotDirectory
                default: throw .system(code)
                }
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// Creates a regular file for writing (mode 0600 until `finishFile`); an existing file or
    /// link of the same name is replaced, as tar does for a later copy of an entry.
    public func createFile(_ components: [[UInt8]]) throws(MaterializeRefusal) -> Int32 {
        let parent = try openParent(of: components, create: true)
        defer { close(parent) }
        let name = components.last ?? []
        for attempt in 0..<2 {
            let fd = name.withCName { openat(parent, $0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
            if fd >= 0 { return fd }
            let code = errno
            guard code == EEXIST, attempt == 0 else { throw .system(code) }
            try removeExisting(parent, name)
        }
        throw .system(EEXIST)
    }

    /// Sets the permission bits of a restored file. setuid, setgid and sticky bits never are.
    public func finishFile(_ fd: Int32, mode: mode_t) {
        fchmod(fd, mode & 0o777)
    }

    public func createDirectory(_ components: [[UInt8]], mode: mode_t) throws(MaterializeRefusal) {
        let parent = try openParent(of: components, create: true)
        defer { close(parent) }
        let name = components.last ?? []
        let made = name.withCName { mkdirat(parent, $0, 0o700) }
        if made != 0 {
            let code = errno
            guard code == EEXIST else { throw .system(code) }
            var info = stat()
            let statted = name.withCName { fstatat(parent, $0, &info, AT_SYMLINK_NOFOLLOW) }
            guard statted == 0, info.st_mode & S_IFMT == S_IFDIR else {
                // A file or link of that name came earlier: the directory replaces it.
                try removeExisting(parent, name)
                guard name.withCName({ mkdirat(parent, $0, 0o700) }) == 0 else { throw .system(errno) }
                pendingDirectoryModes.append((components, mode & 0o1777))
                return
            }
        }
        pendingDirectoryModes.append((components, mode & 0o1777))
    }

    /// Creates a symlink holding `target` as given; the caller has judged the target safe.
    public func createSymlink(_ components: [[UInt8]], target: [UInt8]) throws(MaterializeRefusal) {
        let parent = try openParent(of: components, create: true)
        defer { close(parent) }
        let name = components.last ?? []
        for attempt in 0..<2 {
            let made = target.withCName { t in name.withCName { symlinkat(t, parent, $0) } }
            if made == 0 { return }
            let code = errno
            guard code == EEXIST, attempt == 0 else { throw .system(code) }
            try removeExisting(parent, name)
        }
    }

    /// Links `components` to the already restored regular file at `target`.
    public func createHardlink(_ components: [[UInt8]], target: [[UInt8]]) throws(MaterializeRefusal) {
        let targetParent: Int32
        do { targetParent = try openParent(of: target, create: false) } catch { throw .hardlinkTargetMissing }
        defer { close(targetParent) }
        let targetName = target.last ?? []
        var info = stat()
        let statted = targetName.withCName { fstatat(targetParent, $0, &info, AT_SYMLINK_NOFOLLOW) }
        guard statted == 0, info.st_mode & S_IFMT == S_IFREG else { throw .hardlinkTargetMissing }
        let parent = try openParent(of: components, create: true)
        defer { close(parent) }
        let name = components.last ?? []
        for attempt in 0..<2 {
            let made = targetName.withCName { t in name.withCName { linkat(targetParent, t, parent, $0, 0) } }
            if made == 0 { return }
            let code = errno
            guard code == EEXIST, attempt == 0 else { throw .system(code) }
            try removeExisting(parent, name)
        }
    }

    /// Opens an existing restored regular file for rewriting its data (cpio stores a hardlinked
    /// file's data on its last link).
    public func reopenFile(_ components: [[UInt8]]) throws(MaterializeRefusal) -> Int32 {
        let parent = try openParent(of: components, create: false)
        defer { close(parent) }
        let fd = (components.last ?? []).withCName { openat(parent, $0, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { throw .system(errno) }
        return fd
    }

    /// Applies the deferred directory modes, deepest first.
    public func finish() {
        for pending in pendingDirectoryModes.sorted(by: { $0.components.count > $1.components.count }) {
            guard let parent = try? openParent(of: pending.components, create: false) else { continue }
            let fd = Self.openDirectory(parent, pending.components.last ?? [])
            close(parent)
            guard fd >= 0 else { continue }
            fchmod(fd, pending.mode & 0o777)
            close(fd)
        }
        pendingDirectoryModes.removeAll()
    }

    private func removeExisting(_ parent: Int32, _ name: [UInt8]) throws(MaterializeRefusal) {
        var info = stat()
        let statted = name.withCName { fstatat(parent, $0, &info, AT_SYMLINK_NOFOLLOW) }
        if statted == 0 && info.st_mode & S_IFMT == S_IFDIR { throw .directoryInTheWay }
        if name.withCName({ unlinkat(parent, $0, 0) }) != 0 && errno != ENOENT { throw .system(errno) }
    }

    static func openDirectory(_ parent: Int32, _ name: [UInt8]) -> Int32 {
        name.withCName { rc_openat2(parent, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0, resolve) }
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with a NUL-terminated copy of these bytes.
    func withCName<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        var copy = self.map { CChar(bitPattern: $0) }
        copy.append(0)
        return copy.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
