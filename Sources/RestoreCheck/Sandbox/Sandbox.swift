import CRCSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The throwaway place a backup is restored into: a private (0700) directory under the scratch
/// root, whose `root/` mirrors the production file system. Every write restorecheck makes goes
/// through `rootFD` with `openat2(RESOLVE_BENEATH)`, so nothing can land outside it. It removes
/// itself when its owner lets go of it, whichever way (a throw included), unless it is kept.
///
/// Immutable after creation (so Sendable); removal is `deinit`'s, which runs once.
public final class Sandbox: Sendable {
    /// The private directory (`…/restorecheck-XXXXXX`).
    public let path: String
    /// `path/root`: production `/` maps here.
    public let rootPath: String
    /// An open descriptor of `rootPath`; all materialisation is relative to it.
    public let rootFD: Int32
    /// `--keep-sandbox`: left in place for a person to look at.
    public let isKept: Bool

    public init(scratch: String?, keep: Bool = false) throws {
        isKept = keep
        let base = Self.base(scratch)
        if scratch != nil, !FileManager.default.fileExists(atPath: base) {
            // Traverse-only for others (0711): a database server started as its own user
            // (postgres) must reach its directory in the sandbox; nobody can list or read here.
            try? FileManager.default.createDirectory(
                atPath: base, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o711])
        }
        var template =
            Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
            + Array("restorecheck-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw RestoreCheckError(
                .io, "cannot create the sandbox under the scratch directory", path: base, errno: Glibc.errno)
        }
        path = String(cString: created)
        rootPath = path + "/root"
        guard mkdir(rootPath, 0o755) == 0 else {
            let code = Glibc.errno
            rmdir(path)
            throw RestoreCheckError(.io, "cannot create the sandbox root", path: rootPath, errno: code)
        }
        let fd = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let code = Glibc.errno
            Self.removeTree(path)
            throw RestoreCheckError(.io, "cannot open the sandbox root", path: rootPath, errno: code)
        }
        rootFD = fd
        SandboxRegistry.shared.register(path)
        // Who owns it, so a later run can tell a sandbox whose run died (SIGKILL, power loss).
        try? SandboxOwner.current().text.write(
            toFile: path + "/" + SandboxOwner.fileName, atomically: false, encoding: .utf8)
    }

    /// Where sandboxes are made: `--scratch`, else `$TMPDIR`, else /tmp; always absolute, since
    /// paths handed to child programs (initdb, mariadb-install-db) must not depend on the
    /// working directory they run in.
    public static func base(_ scratch: String?) -> String {
        let base = scratch ?? (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
        return base.hasPrefix("/") ? base : FileManager.default.currentDirectoryPath + "/" + base
    }

    deinit {
        close(rootFD)
        if !isKept {
            // Removed first, unregistered after: a signal arriving meanwhile still finds it.
            Self.removeTree(path)
            SandboxRegistry.shared.unregister(path)
        }
    }

    /// The on-disk path of a production path (`/var/www` → `…/root/var/www`), for messages only;
    /// code that touches the tree uses `rootFD`.
    public func diskPath(of productionPath: String) -> String {
        rootPath + (productionPath.hasPrefix("/") ? productionPath : "/" + productionPath)
    }

    /// Removes a tree through directory descriptors, on raw name bytes (names that are not
    /// UTF-8 included), never following a link, and giving a directory its owner's rights
    /// back before emptying it. Returns true when nothing of it is left.
    @discardableResult
    public static func removeTree(_ path: String) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        let name = Array((path as NSString).lastPathComponent.utf8CString)
        let parentFD = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parentFD >= 0 else { return false }
        defer { close(parentFD) }
        removeEntry(parentFD, name)
        var info = stat()
        return fstatat(parentFD, name, &info, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT
    }

    private static func removeEntry(_ parentFD: Int32, _ name: [CChar]) {
        if unlinkat(parentFD, name, 0) == 0 { return }
        var fd = openat(parentFD, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == EACCES {
            fchmodat(parentFD, name, 0o700, 0)
            fd = openat(parentFD, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else { return }
        fchmod(fd, 0o700)
        for child in names(in: fd) { removeEntry(fd, child) }
        close(fd)
        unlinkat(parentFD, name, AT_REMOVEDIR)
    }

    /// The entries of a directory as NUL-terminated raw names (without `.` and `..`).
    static func names(in fd: Int32) -> [[CChar]] {
        guard let dir = fdopendir(dup(fd)) else { return [] }
        defer { closedir(dir) }
        var names: [[CChar]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [CChar] in
                let bytes = raw.bindMemory(to: CChar.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return Array(bytes[..<length]) + [0]
            }
            if name != [0x2E, 0] && name != [0x2E, 0x2E, 0] { names.append(name) }
        }
        return names
    }
}

/// The sandboxes alive in this process, so a signal handler can remove them before exiting.
public final class SandboxRegistry: @unchecked Sendable {
    public static let shared = SandboxRegistry()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    private var servers: Set<Int32> = []

    /// A database server started inside a sandbox: killed before its sandbox is removed.
    func register(server pid: Int32) { lock.withLock { _ = servers.insert(pid) } }
    func unregister(server pid: Int32) { lock.withLock { _ = servers.remove(pid) } }

    /// Kills every registered server and removes every registered sandbox (SIGINT / SIGTERM,
    /// a watchdog's last resort). Returns the sandboxes that could not be removed.
    @discardableResult
    public func removeAll() -> [String] {
        let (all, pids) = lock.withLock { (paths, servers) }
        for pid in pids { kill(pid, SIGKILL) }
        if !pids.isEmpty { usleep(200_000) }
        let left = all.filter { !Sandbox.removeTree($0) }
        lock.withLock {
            paths.subtract(all)
            servers.subtract(pids)
        }
        return left.sorted()
    }
}
