import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the backups sit: room for the next copy (`space`), and not on the same file system
/// as the server they protect (`location`). Both are warnings: suspicious, not proof.
enum PlacementChecks {
    /// Free space on the backups' file system against twice the newest copy.
    static func space(directory: String, newestSize: UInt64) -> CheckResult {
        var info = statvfs()
        guard statvfs(directory, &info) == 0 else {
            return CheckResult(
                CheckID(.source, "space"), status: .skip, message: "cannot read the free space of \(directory)")
        }
        let free = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        let needed = newestSize * 2
        let text =
            "\(ByteSize.format(free)) free on the backups' file system, the newest copy is "
            + "\(ByteSize.format(newestSize))"
        if free < needed {
            return CheckResult(
                CheckID(.source, "space"), status: .warn,
                message: "\(text): the next run may not fit (less than twice the newest copy)",
                offenders: [Offender(directory, "\(ByteSize.format(free)) free, \(ByteSize.format(needed)) wanted")])
        }
        return CheckResult(CheckID(.source, "space"), status: .pass, message: text)
    }

    /// The production paths the plan names that exist on this machine: `layout.live`, each
    /// expect path, the fixed start of each glob, each preset's root.
    static func productionPaths(_ set: BackupSetPlan) -> [String] {
        var paths: [String] = []
        if let live = set.layout.live { paths.append(live) }
        for rule in set.expect {
            switch rule.selector {
            case .path(let path): paths.append(path)
            case .glob(let pattern):
                let fixed = pattern.split(separator: "/").prefix { !$0.contains(where: { "*?[".contains($0) }) }
                if !fixed.isEmpty { paths.append("/" + fixed.joined(separator: "/")) }
            }
        }
        // Production roots of the presets; a dumps directory holds backups, not production.
        paths += set.presets.filter { $0.kind != .databaseDumps }.flatMap {
            $0.kind == .config ? $0.paths : [$0.location]
        }
        return paths.filter { path in path != "/" && FileManager.default.fileExists(atPath: path) }
    }

    /// The backups on the same device as production: a copy on the same disk dies with it.
    static func location(archive: String, set: BackupSetPlan) -> CheckResult {
        var archiveInfo = stat()
        guard stat(archive, &archiveInfo) == 0 else {
            return CheckResult(
                CheckID(.source, "location"), status: .skip, message: "the archive's file system is unknown")
        }
        let live = productionPaths(set)
        guard !live.isEmpty else {
            return CheckResult(
                CheckID(.source, "location"), status: .skip,
                message: "no production path of the plan exists on this machine (set layout.live: to compare)")
        }
        let shared = live.filter { path in
            var info = stat()
            return stat(path, &info) == 0 && info.st_dev == archiveInfo.st_dev
        }
        if shared.isEmpty {
            return CheckResult(
                CheckID(.source, "location"), status: .pass,
                message: "the backups are on another file system than \(live.prefix(3).joined(separator: ", "))")
        }
        return CheckResult(
            CheckID(.source, "location"), status: .warn,
            message:
                "the backups are on the same file system as the production paths they protect: a copy on the same "
                + "disk dies with it",
            offenders: shared.map { Offender($0, "same device as \(archive)") })
    }
}
