#if canImport(Glibc)
    import Glibc
#endif

/// The `expect` rules of a plan, judged on the restored tree. Each property of a rule is its
/// own check (`expect /etc/x mode`). Modes, types, sizes and contents are judged on what the
/// restore produced on disk; owners and link targets on what the archive recorded (a restore
/// as non-root cannot chown, and absolute links are rewritten to stay inside the sandbox).
struct ExpectChecks {
    let rules: [ExpectRule]
    let index: EntryIndex
    let reader: SandboxReader
    let recordsOwners: Bool
    /// The set's `ignore:` globs, left out of what a glob rule matches.
    var ignore: [Glob] = []

    func results() -> [CheckResult] {
        rules.flatMap { rule -> [CheckResult] in
            switch rule.selector {
            case .path(let path): return judgePath(rule, path)
            case .glob(let pattern): return judgeGlob(rule, pattern)
            }
        }
    }

    private func result(_ rule: ExpectRule, _ property: String, _ offenders: [Offender], pass: String, fail: String)
        -> CheckResult
    {
        CheckResult.judge(
            CheckID(.files, "expect", subject: rule.subject, aspect: property), offenders: offenders, pass: pass,
            fail: { _ in fail })
    }

    private func skip(_ rule: ExpectRule, _ property: String, _ reason: String) -> CheckResult {
        CheckResult(CheckID(.files, "expect", subject: rule.subject, aspect: property), status: .skip, message: reason)
    }

    // MARK: one path

    private func judgePath(_ rule: ExpectRule, _ path: String) -> [CheckResult] {
        let info = reader.lstat(path)
        let exists = result(
            rule, "exists", info == nil ? [Offender(path, "not in the restored tree")] : [],
            pass: "present", fail: "\(path) is missing from the backup")
        guard var info else {
            return [exists] + properties(rule).map { skip(rule, $0, "\(path) is missing") }
        }
        var out = [exists]
        // A link is judged by the file its chain ends at inside the backup (Debian keeps config
        // behind alternatives), unless the rule is about the link itself.
        var judged = path
        if Self.type(of: info) == .symlink, rule.type != .symlink, rule.target == nil {
            let resolution = LinkResolver(index: index).resolve(path)
            guard let target = resolution.target, let targetInfo = reader.lstat(target) else {
                let reason = "\(resolution.shown) \(resolution.problem ?? "ends at nothing restored")"
                return out
                    + properties(rule).map {
                        result(rule, $0, [Offender(path, reason)], pass: "", fail: "\(path): \(reason)")
                    }
            }
            judged = target
            info = targetInfo
        }
        let entry = index.entry(productionPath: judged)
        let diskType = Self.type(of: info)
        if let type = rule.type {
            out.append(
                result(
                    rule, "type",
                    diskType == type ? [] : [Offender(path, "is a \(diskType.rawValue), expected \(type.rawValue)")],
                    pass: "is a \(type.rawValue)", fail: "\(path) is a \(diskType.rawValue), not a \(type.rawValue)"))
        }
        if let target = rule.target {
            let actual = entry?.type == .symlink ? entry?.link : nil
            out.append(
                result(
                    rule, "target",
                    actual == target
                        ? []
                        : [Offender(path, actual.map { "points to \($0), expected \(target)" } ?? "is not a symlink")],
                    pass: "points to \(target)", fail: "\(path) does not point to \(target)"))
        }
        if let mode = rule.mode {
            let actual = UInt32(info.st_mode) & 0o7777
            out.append(
                result(
                    rule, "mode",
                    actual == mode ? [] : [Offender(path, "mode \(octal(actual)), expected \(octal(mode))")],
                    pass: "mode \(octal(mode))", fail: "\(path) has mode \(octal(actual)), expected \(octal(mode))"))
        }
        out += ownerResults(rule, [(path, entry)])
        if let minSize = rule.minSize {
            let size = UInt64(max(info.st_size, 0))
            out.append(
                result(
                    rule, "min_size",
                    size >= minSize ? [] : [Offender(path, "\(size) bytes, expected at least \(minSize)")],
                    pass: "\(ByteSize.format(size)) ≥ \(ByteSize.format(minSize))",
                    fail: "\(path) is smaller than \(ByteSize.format(minSize))"))
        }
        if let minCount = rule.minCount {
            let count = diskType == .directory ? children(of: judged) : 1
            out.append(
                result(
                    rule, "min_count",
                    count >= minCount ? [] : [Offender(path, "holds \(count), expected at least \(minCount)")],
                    pass: "holds \(count) (≥ \(minCount))",
                    fail: "\(path) holds \(count) entries, expected at least \(minCount)"))
        }
        if let needle = rule.contains {
            out.append(containsResult(rule, needle, [judged]))
        }
        return out
    }

    private func properties(_ rule: ExpectRule) -> [String] {
        var names: [String] = []
        if rule.type != nil { names.append("type") }
        if rule.target != nil { names.append("target") }
        if rule.mode != nil { names.append("mode") }
        if rule.owner != nil { names.append("owner") }
        if rule.group != nil { names.append("group") }
        if rule.uid != nil { names.append("uid") }
        if rule.gid != nil { names.append("gid") }
        if rule.minSize != nil { names.append("min_size") }
        if rule.minCount != nil { names.append("min_count") }
        if rule.contains != nil { names.append("contains") }
        return names
    }

    private func children(of directory: String) -> Int {
        let prefix = directory == "/" ? "/" : directory + "/"
        return index.entries.filter {
            $0.restored && $0.productionPath.hasPrefix(prefix)
                && !$0.productionPath.dropFirst(prefix.count).contains("/")
        }.count
    }

    // MARK: a glob

    private func judgeGlob(_ rule: ExpectRule, _ pattern: String) -> [CheckResult] {
        let glob = Glob(pattern)
        let matches = index.entries.filter { entry in
            guard entry.restored, glob.matches(entry.productionPath),
                !ignore.contains(where: { $0.matches(entry.productionPath) })
            else { return false }
            guard let type = rule.type else { return true }
            return (entry.type == .hardlink ? .file : entry.type) == type
        }
        let minimum = rule.minCount ?? 1
        var out = [
            result(
                rule, "count",
                matches.count >= minimum
                    ? [] : [Offender(pattern, "\(matches.count) match, expected at least \(minimum)")],
                pass: "\(matches.count) match (≥ \(minimum))",
                fail: "\(matches.count) entries match \(pattern), expected at least \(minimum)")
        ]
        guard !matches.isEmpty else {
            return out
                + properties(rule).filter { $0 != "min_count" && $0 != "type" }.map {
                    skip(rule, $0, "nothing matches")
                }
        }
        if let mode = rule.mode {
            let offenders = matches.compactMap { entry -> Offender? in
                guard let info = reader.lstat(entry.productionPath) else {
                    return Offender(entry.productionPath, "missing on disk")
                }
                let actual = UInt32(info.st_mode) & 0o7777
                return actual == mode
                    ? nil : Offender(entry.productionPath, "mode \(octal(actual)), expected \(octal(mode))")
            }
            out.append(
                result(
                    rule, "mode", offenders, pass: "all \(matches.count) have mode \(octal(mode))",
                    fail: "\(plural(offenders.count, "match")) with another mode"))
        }
        out += ownerResults(rule, matches.map { ($0.productionPath, $0) })
        if let minSize = rule.minSize {
            let offenders = matches.filter { $0.type == .file || $0.type == .hardlink }.compactMap {
                entry -> Offender? in
                let size = UInt64(max(reader.lstat(entry.productionPath)?.st_size ?? 0, 0))
                return size >= minSize
                    ? nil : Offender(entry.productionPath, "\(size) bytes, expected at least \(minSize)")
            }
            out.append(
                result(
                    rule, "min_size", offenders, pass: "every match is at least \(ByteSize.format(minSize))",
                    fail: "\(plural(offenders.count, "file")) smaller than \(ByteSize.format(minSize))"))
        }
        if let needle = rule.contains {
            out.append(
                containsResult(
                    rule, needle, matches.filter { $0.type == .file || $0.type == .hardlink }.map(\.productionPath)))
        }
        return out
    }

    // MARK: shared properties

    private func containsResult(_ rule: ExpectRule, _ needle: String, _ paths: [String]) -> CheckResult {
        let offenders = paths.compactMap { path -> Offender? in
            switch reader.contains(path, Array(needle.utf8)) {
            case true?: return nil
            case false?: return Offender(path, "does not contain \"\(needle)\"")
            case nil: return Offender(path, "could not be read as a regular file")
            }
        }
        return result(
            rule, "contains", offenders, pass: "contains \"\(needle)\"",
            fail: "\(plural(offenders.count, "file")) lack \"\(needle)\"")
    }

    private func ownerResults(_ rule: ExpectRule, _ items: [(String, IndexedEntry?)]) -> [CheckResult] {
        let wanted: [(String, (IndexedEntry) -> String?, String?)] = [
            ("owner", { $0.uname }, rule.owner), ("group", { $0.gname }, rule.group),
            ("uid", { String($0.uid) }, rule.uid.map(String.init)),
            ("gid", { String($0.gid) }, rule.gid.map(String.init)),
        ]
        return wanted.compactMap { property, read, expected -> CheckResult? in
            guard let expected else { return nil }
            guard recordsOwners else { return skip(rule, property, "this archive format records no Unix owners") }
            var offenders: [Offender] = []
            for (path, entry) in items {
                guard let entry else {
                    offenders.append(Offender(path, "the archive has no entry for it, so no \(property) is recorded"))
                    continue
                }
                guard let actual = read(entry), !actual.isEmpty else {
                    offenders.append(
                        Offender(path, "the archive records no \(property) name (uid \(entry.uid), gid \(entry.gid))"))
                    continue
                }
                if actual != expected {
                    offenders.append(Offender(path, "\(property) \(actual), expected \(expected)"))
                }
            }
            return result(
                rule, property, offenders, pass: "\(property) \(expected)",
                fail: "\(plural(offenders.count, "entry")) with another \(property)")
        }
    }

    static func type(of info: stat) -> EntryType {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .unknown
        }
    }
}
