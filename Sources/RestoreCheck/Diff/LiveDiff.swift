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
    /// Put in front of the backup's paths: an archive of a sub-tree (`tar -C /var/www .`)
    /// compared under `--prefix /var/www`.
    let shift: String
    /// Files the plan keeps private (a `path:` rule pinning a mode no other user may read):
    /// their lines are never shown, whatever they hold.
    var secrets: Set<String> = []

    init(
        backup: EntryIndex, reader: SandboxReader, live: LiveTree, ignore: [String], recordsOwners: Bool,
        shift: String = ""
    ) {
        self.backup = backup
        self.reader = reader
        self.live = live
        self.ignore = ignore.map { Glob($0.hasPrefix("/") ? $0 : "/" + $0) }
        self.recordsOwners = recordsOwners
        self.shift = shift == "/" ? "" : shift
    }

    /// A backup entry's path on the live side.
    private func livePath(_ backupPath: String) -> String {
        shift.isEmpty ? backupPath : backupPath == "/" ? shift : shift + backupPath
    }

    /// A live path's entry in the backup.
    private func backupEntry(_ path: String) -> IndexedEntry? {
        guard !shift.isEmpty else { return backup.entry(productionPath: path) }
        if path == shift { return backup.entry(productionPath: "/") }
        guard path.hasPrefix(shift + "/") else { return nil }
        return backup.entry(productionPath: String(path.dropFirst(shift.count)))
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
        for var entry in backup.entries where entry.restored {
            let stored = entry.productionPath
            entry.productionPath = livePath(stored)
            guard relevant(entry) else { continue }
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
                let backupOwner = Self.owner(entry.uid, entry.gid, names: (entry.uname, entry.gname))
                let liveOwner = Self.owner(other.uid, other.gid, names: Self.localNames(other.uid, other.gid))
                metadata.append(
                    Offender(entry.productionPath, "owner \(backupOwner) in the backup, \(liveOwner) live"))
            }
            if backupType == .file {
                switch compareContent(entry, stored: stored, walked: other) {
                case .same: break
                case .differs(let reason): content.append(Offender(entry.productionPath, reason))
                case .changing:
                    changing.append(Offender(entry.productionPath, "changed on the live server while it was compared"))
                }
            }
        }
        for entry in liveIndex.entries
        where relevant(entry) && backupEntry(entry.productionPath) == nil {
            onlyLive.append(Offender(entry.productionPath, "on the live server, not in the backup"))
        }
        let note = sockets > 0 ? " (\(plural(sockets, "socket")) skipped: no archive holds one)" : ""
        return [
            CheckResult.judge(
                CheckID(.diff, "only in backup"), offenders: onlyBackup,
                pass: "everything in the backup is on the live server",
                fail: { "\(plural($0, "path")) only in the backup" }, keep: CheckResult.keptDifferences),
            CheckResult.judge(
                CheckID(.diff, "only live"), offenders: onlyLive,
                pass: "everything on the live server is in the backup\(note)",
                fail: { "\(plural($0, "path")) only on the live server\(note)" }, keep: CheckResult.keptDifferences),
            CheckResult.judge(
                CheckID(.diff, "content"), offenders: content,
                pass: "every file's content matches", fail: { "\(plural($0, "file")) with other content live" },
                keep: CheckResult.keptDifferences),
            CheckResult.judge(
                CheckID(.diff, "metadata"), offenders: metadata,
                pass: "types, modes, owners and link targets match",
                fail: { "\(plural($0, "difference")) in type, mode, owner or link target" },
                keep: CheckResult.keptDifferences),
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
    private func compareContent(_ entry: IndexedEntry, stored production: String, walked: IndexedEntry) -> Comparison {
        let path = live.diskPath(of: entry.productionPath)
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
        return .differs("content differs (\(sizes))" + changedLines(production, live: path))
    }

    /// The changed lines of a text file, indented under the offender; nothing for binary or
    /// large files, and never the lines of a secret.
    private func changedLines(_ production: String, live path: String) -> String {
        var backupBytes: [UInt8] = []
        _ = reader.stream(production) { chunk in
            backupBytes += chunk.prefix(TextDiff.maxBytes + 1 - backupBytes.count)
            return backupBytes.count <= TextDiff.maxBytes
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let liveBytes = [UInt8]((try? handle.read(upToCount: TextDiff.maxBytes + 1)) ?? Data())
        if secrets.contains(production) || secrets.contains(livePath(production))
            || SecretContent.isSecretName(production) || SecretContent.holdsSecret(Array(backupBytes.prefix(65_536)))
            || SecretContent.holdsSecret(Array(liveBytes.prefix(65_536)))
        {
            return "; a secret: its lines are not shown"
        }
        guard let lines = TextDiff.lines(backup: backupBytes, live: liveBytes) else { return "" }
        return ":\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }

    /// `www-data(33):www-data(33)`, or the bare numbers when no name is known.
    static func owner(_ uid: Int64, _ gid: Int64, names: (String?, String?)) -> String {
        func one(_ name: String?, _ number: Int64) -> String {
            guard let name, !name.isEmpty else { return String(number) }
            return "\(name)(\(number))"
        }
        return one(names.0, uid) + ":" + one(names.1, gid)
    }

    /// The live server's names for its numbers.
    static func localNames(_ uid: Int64, _ gid: Int64) -> (String?, String?) {
        let user = getpwuid(uid_t(truncatingIfNeeded: uid)).map { String(cString: $0.pointee.pw_name) }
        let group = getgrgid(gid_t(truncatingIfNeeded: gid)).map { String(cString: $0.pointee.gr_name) }
        return (user, group)
    }
}
