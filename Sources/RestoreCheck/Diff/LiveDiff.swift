import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `restorecheck diff`: the restored backup against the live tree, path by path — only in the
/// backup, only live, content changed, type/mode/owner/link changed — and what changed on the
/// live side while the comparison ran (a log being written), reported apart, not as a mystery.
struct LiveDiff {
    let backup: EntryIndex
    let reader: SandboxReader
    let live: LiveTree
    let ignore: [Glob]
    let recordsOwners: Bool

    init(backup: EntryIndex, reader: SandboxReader, live: LiveTree, ignore: [String], recordsOwners: Bool) {
        self.backup = backup
        self.reader = reader
        self.live = live
        self.ignore = ignore.map { Glob($0.hasPrefix("/") ? $0 : "/" + $0) }
        self.recordsOwners = recordsOwners
    }

    private func ignored(_ path: String) -> Bool {
        ignore.contains { glob in
            // A pattern that names a directory also covers what is below it.
            var current = path
            while current != "/" && !current.isEmpty {
                if glob.matches(current) { return true }
                current = (current as NSString).deletingLastPathComponent
            }
            return false
        }
    }

    func results() throws -> [CheckResult] {
        let (liveIndex, sockets) = try live.index()
        let rootPath = live.prefix == "/" ? "/" : live.prefix
        func relevant(_ entry: IndexedEntry) -> Bool {
            entry.productionPath != rootPath && (rootPath == "/" || entry.productionPath.hasPrefix(rootPath + "/"))
                && !ignored(entry.productionPath)
        }
        var onlyBackup: [Offender] = []
        var onlyLive: [Offender] = []
        var content: [Offender] = []
        var metadata: [Offender] = []
        var changing: [Offender] = []
        for entry in backup.entries where relevant(entry) && entry.restored {
            guard let other = liveIndex.entry(productionPath: entry.productionPath) else {
                onlyBackup.append(Offender(entry.productionPath, "in the backup, not on the live server"))
                continue
            }
            let backupType = entry.type == .hardlink ? EntryType.file : entry.type
            if backupType != other.type {
                metadata.append(
                    Offender(
                        entry.productionPath, "a \(backupType.rawValue) in the backup, a \(other.type.rawValue) live"))
                continue
            }
            if backupType == .symlink, entry.link != other.link {
                metadata.append(
                    Offender(
                        entry.productionPath, "points to \(entry.link ?? "?") in the backup, \(other.link ?? "?") live")
                )
            }
            if entry.permissions != other.permissions {
                metadata.append(
                    Offender(
                        entry.productionPath,
                        "mode \(octal(entry.permissions)) in the backup, \(octal(other.permissions)) live"))
            }
            if recordsOwners, backupType != .symlink, entry.uid != other.uid || entry.gid != other.gid {
                metadata.append(
                    Offender(
                        entry.productionPath,
                        "owner \(entry.uid):\(entry.gid) in the backup, \(other.uid):\(other.gid) live"))
            }
            if backupType == .file {
                switch compareContent(entry, walked: other) {
                case .same: break
                case .differs(let reason): content.append(Offender(entry.productionPath, reason))
                case .changing:
                    changing.append(Offender(entry.productionPath, "changed on the live server while it was compared"))
                }
            }
        }
        for entry in liveIndex.entries
        where relevant(entry) && backup.entry(productionPath: entry.productionPath) == nil {
            onlyLive.append(Offender(entry.productionPath, "on the live server, not in the backup"))
        }
        let note = sockets > 0 ? " (\(plural(sockets, "socket")) skipped: no archive holds one)" : ""
        return [
            CheckResult.judge(
                CheckID(.diff, "only in backup"), offenders: onlyBackup,
                pass: "everything in the backup is on the live server",
                fail: { "\(plural($0, "path")) only in the backup" }),
            CheckResult.judge(
                CheckID(.diff, "only live"), offenders: onlyLive,
                pass: "everything on the live server is in the backup\(note)",
                fail: { "\(plural($0, "path")) only on the live server\(note)" }),
            CheckResult.judge(
                CheckID(.diff, "content"), offenders: content,
                pass: "every file's content matches", fail: { "\(plural($0, "file")) with other content live" }),
            CheckResult.judge(
                CheckID(.diff, "metadata"), offenders: metadata,
                pass: "types, modes, owners and link targets match",
                fail: { "\(plural($0, "difference")) in type, mode, owner or link target" }),
            CheckResult.judge(
                CheckID(.diff, "changing"), offenders: changing, failing: .warn,
                pass: "nothing changed on the live server during the comparison",
                fail: {
                    "\(plural($0, "file")) changed on the live server while being compared: run again, or --ignore them"
                }),
        ]
    }

    private enum Comparison {
        case same
        case differs(String)
        case changing
    }

    /// SHA-256 of the restored copy against the live file; a live file whose size or mtime
    /// moves while it is read is `changing`, not different.
    private func compareContent(_ entry: IndexedEntry, walked: IndexedEntry) -> Comparison {
        let production = entry.productionPath
        let path = live.diskPath(of: production)
        var before = stat()
        guard lstat(path, &before) == 0 else { return .changing }
        // Moved on since the walk: the live side is not holding still.
        if Int64(before.st_size) != walked.size || Int64(before.st_mtim.tv_sec) != walked.mtime { return .changing }
        // Taken during the restore; a hardlink's copy is read back from the sandbox.
        guard let restored = entry.digests[.sha256] ?? reader.digests(production, [.sha256])?[.sha256] else {
            return .differs("the restored copy cannot be read")
        }
        guard let digest = MultiDigest.sha256(ofFile: path, limit: Int64(before.st_size)) else { return .changing }
        var after = stat()
        guard lstat(path, &after) == 0, after.st_size == before.st_size,
            after.st_mtim.tv_sec == before.st_mtim.tv_sec, after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
        else { return .changing }
        if digest == restored { return .same }
        guard let restoredInfo = reader.lstat(production) else { return .differs("content differs") }
        let sizes =
            Int64(restoredInfo.st_size) == Int64(after.st_size)
            ? "same size"
            : "\(ByteSize.format(UInt64(restoredInfo.st_size))) in the backup, "
                + "\(ByteSize.format(UInt64(after.st_size))) live"
        return .differs("content differs (\(sizes))")
    }
}
