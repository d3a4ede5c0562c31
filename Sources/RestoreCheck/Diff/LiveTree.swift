import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A live directory tree read the way an archive is: every entry's metadata (lstat, links
/// never followed) as an `EntryIndex` keyed by production path, so `diff` and `baseline`
/// compare and judge it with the same code as a restored backup.
struct LiveTree {
    let root: String
    /// The production path `root` stands for (`/` for a whole server, `/var/www` for a sub-tree).
    let prefix: String
    /// Where the walked tree's index is kept (in the sandbox: a live tree can be huge too).
    let indexFile: String

    /// Walks the tree. Sockets are left out (no archive can hold one); their count is returned.
    func index() throws -> (index: EntryIndex, sockets: Int) {
        let index = try EntryIndex(file: indexFile)
        var sockets = 0
        var info = stat()
        guard lstat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw RestoreCheckError(.io, "is not a directory", path: root, errno: errno)
        }
        var users: [UInt32: String] = [:]
        var groups: [UInt32: String] = [:]
        func name(uid: UInt32) -> String? {
            if let known = users[uid] { return known.isEmpty ? nil : known }
            let found = getpwuid(uid).map { String(cString: $0.pointee.pw_name) }
            users[uid] = found ?? ""
            return found
        }
        func name(gid: UInt32) -> String? {
            if let known = groups[gid] { return known.isEmpty ? nil : known }
            let found = getgrgid(gid).map { String(cString: $0.pointee.gr_name) }
            groups[gid] = found ?? ""
            return found
        }
        var pending: [[UInt8]] = [[]] // relative paths of directories to read
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + String(decoding: relative, as: UTF8.self)
            guard let handle = opendir(directory) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let nameBytes: [UInt8] = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: UInt8.self, capacity: 256) {
                        Array(
                            UnsafeBufferPointer(
                                start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
                    }
                }
                if nameBytes == [0x2E] || nameBytes == [0x2E, 0x2E] { continue }
                let childRelative = relative.isEmpty ? nameBytes : relative + [0x2F] + nameBytes
                let childPath = root + "/" + String(decoding: childRelative, as: UTF8.self)
                var child = stat()
                guard lstat(childPath, &child) == 0 else { continue } // vanished while walking
                let type = Self.type(child.st_mode)
                if type == .socket {
                    sockets += 1
                    continue
                }
                var link: String?
                if type == .symlink {
                    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                    let count = readlink(childPath, &buffer, buffer.count - 1)
                    if count >= 0 { link = EntryName.key(buffer.prefix(count).map { UInt8(bitPattern: $0) }) }
                }
                let components = childRelative.split(separator: 0x2F).map(Array.init)
                let production =
                    LayoutMapper(Layout(prefix: prefix)).productionComponents(of: components).map(LayoutMapper.path)
                    ?? "/"
                try index.add(
                    IndexedEntry(
                        key: components.map(EntryName.key).joined(separator: "/"), productionPath: production,
                        type: type, permissions: UInt32(child.st_mode) & 0o7777, uid: Int64(child.st_uid),
                        gid: Int64(child.st_gid), uname: name(uid: child.st_uid), gname: name(gid: child.st_gid),
                        size: Int64(child.st_size), mtime: Int64(child.st_mtim.tv_sec), link: link, restored: true))
                if type == .directory { pending.append(childRelative) }
            }
        }
        return (index, sockets)
    }

    static func type(_ mode: mode_t) -> EntryType {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        default: return .unknown
        }
    }

    /// The on-disk path of a production path in this tree.
    func diskPath(of production: String) -> String {
        let base = prefix == "/" ? "" : prefix
        let relative = production.hasPrefix(base + "/") ? String(production.dropFirst(base.count)) : production
        return root + relative
    }
}
