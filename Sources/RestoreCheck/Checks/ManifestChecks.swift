/// The `files` phase against manifests: `checksums` compares every listed digest with the
/// digest computed while restoring; `metadata` compares what an mtree spec records (type,
/// mode, owners, link, size) with what the archive recorded.
struct ManifestChecks {
    let manifests: [Manifest]
    /// Errors that kept a manifest from being read; the checks become errors, never passes.
    let problems: [String]
    let index: EntryIndex
    let recordsOwners: Bool
    /// The set's `ignore:` globs: what changes nightly is not held to a manifest either.
    var ignore: [Glob] = []

    /// Whether a manifest line is about an ignored path (by the entry it names, or by its key
    /// as a path from the root when the entry is missing). The entry is the one the caller
    /// looked up already: one index lookup per line.
    private func isIgnored(_ key: String, entry: IndexedEntry?) -> Bool {
        guard !ignore.isEmpty else { return false }
        let path = entry?.productionPath ?? "/" + key.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        return ignore.contains { $0.matches(path) }
    }

    func results() -> [CheckResult] {
        [checksums(), metadata()]
    }

    private func lookup(_ key: String, in manifest: Manifest) -> IndexedEntry? {
        if !manifest.baseKey.isEmpty, let entry = index.entry(key: manifest.baseKey + "/" + key) { return entry }
        return index.entry(manifestKey: key)
    }

    /// A directory the archive does not list but holds entries in is there all the same.
    private func isImpliedDirectory(_ key: String, in manifest: Manifest) -> Bool {
        if !manifest.baseKey.isEmpty, index.hasDirectory("/" + manifest.baseKey + "/" + key) { return true }
        return index.hasDirectory("/" + key)
    }

    private var origins: String { manifests.map(\.origin).joined(separator: ", ") }

    func checksums() -> CheckResult {
        if !problems.isEmpty {
            return CheckResult(
                CheckID(.files, "checksums"), status: .error,
                message: "the manifest could not be read: \(problems.joined(separator: "; "))")
        }
        guard manifests.contains(where: { !$0.algorithms.isEmpty }) else {
            return CheckResult(
                CheckID(.files, "checksums"), status: .skip,
                message: manifests.isEmpty
                    ? "no manifest found (none given, none beside the archive, none at its root)"
                    : "\(origins) lists no digests")
        }
        var offenders = OffenderList()
        var matched = 0
        var unreadable: [String] = []
        for manifest in manifests where !manifest.algorithms.isEmpty {
            do {
                try manifest.forEachEntry { item in
                    guard !item.digests.isEmpty, item.key != manifest.selfKey else { return }
                    let entry = lookup(item.key, in: manifest)
                    guard !isIgnored(item.key, entry: entry) else { return }
                    if let offender = judgeDigests(item, entry, in: manifest) {
                        offenders.append(offender)
                    } else {
                        matched += 1
                    }
                }
            } catch {
                unreadable.append(String(describing: error))
            }
        }
        if !unreadable.isEmpty {
            // Read once already: a manifest that changed or vanished since is not a pass.
            return CheckResult(
                CheckID(.files, "checksums"), status: .error,
                message: "the manifest could not be read again: \(unreadable.joined(separator: "; "))")
        }
        let algorithms = manifests.reduce(into: Set<DigestAlgorithm>()) { $0.formUnion($1.algorithms) }
            .sorted().map(\.rawValue).joined(separator: ", ")
        return CheckResult.judge(
            CheckID(.files, "checksums"), offenders: offenders,
            pass: "\(plural(matched, "file")) match \(origins) (\(algorithms))",
            fail: { "\(plural($0, "file")) do not match \(origins)" })
    }

    /// One listed file against its restored copy: nil when it matches, else why not.
    private func judgeDigests(_ item: ManifestEntry, _ entry: IndexedEntry?, in manifest: Manifest) -> Offender? {
        guard let entry else {
            if item.optional { return nil }
            return Offender(item.key, "listed in \(manifest.origin) line \(item.line) but missing from the archive")
        }
        guard entry.restored else {
            return Offender(item.key, "in the archive but not restored (damaged or refused)")
        }
        guard entry.type == .file || entry.type == .hardlink else {
            return Offender(item.key, "is a \(entry.type.rawValue); \(manifest.origin) lists a file digest")
        }
        // Judged on the strongest listed digest that was computed; none computed is never a match.
        let compared = item.digests.sorted(by: { $0.key > $1.key }).first { entry.digests[$0.key] != nil }
        guard let (algorithm, expected) = compared, let actual = entry.digests[algorithm] else {
            return Offender(item.key, "no digest of the restored copy could be computed")
        }
        guard actual == expected else {
            return Offender(
                item.key,
                "\(algorithm.rawValue) differs: manifest \(expected.description.prefix(16))…, restored "
                    + "\(actual.description.prefix(16))…")
        }
        return nil
    }

    func metadata() -> CheckResult {
        let specs = manifests.filter { $0.kind == .mtree }
        guard !specs.isEmpty, problems.isEmpty else {
            return CheckResult(
                CheckID(.files, "metadata"), status: .skip,
                message: problems.isEmpty ? "no mtree spec to compare metadata with" : "the manifest could not be read")
        }
        var offenders = OffenderList()
        var compared = 0
        for spec in specs {
            do {
                try spec.forEachEntry { item in
                    guard item.key != spec.selfKey else { return }
                    let found = lookup(item.key, in: spec)
                    guard !isIgnored(item.key, entry: found) else { return }
                    guard let entry = found else {
                        if item.type == .directory && isImpliedDirectory(item.key, in: spec) { return }
                        if !item.optional {
                            offenders.append(
                                Offender(
                                    item.key, "listed in \(spec.origin) line \(item.line) but missing from the archive")
                            )
                        }
                        return
                    }
                    compared += 1
                    offenders += differences(item, entry).map { Offender(item.key, $0) }
                }
            } catch {
                return CheckResult(
                    CheckID(.files, "metadata"), status: .error,
                    message: "\(spec.origin) could not be read again: \(error)")
            }
        }
        let names = specs.map(\.origin).joined(separator: ", ")
        return CheckResult.judge(
            CheckID(.files, "metadata"), offenders: offenders,
            pass: "\(plural(compared, "entry")) match \(names) in type, mode, owner, link and size",
            fail: { "\(plural($0, "difference")) from \(names)" })
    }

    private func differences(_ item: ManifestEntry, _ entry: IndexedEntry) -> [String] {
        var out: [String] = []
        let actualType: EntryType = entry.type == .hardlink ? .file : entry.type
        if let type = item.type, type != actualType {
            out.append("type is \(actualType.rawValue), spec says \(type.rawValue)")
        }
        if let mode = item.mode, mode != entry.permissions, item.type != .symlink {
            out.append("mode is \(octal(entry.permissions)), spec says \(octal(mode))")
        }
        if recordsOwners {
            if let uid = item.uid, uid != entry.uid { out.append("uid is \(entry.uid), spec says \(uid)") }
            if let gid = item.gid, gid != entry.gid { out.append("gid is \(entry.gid), spec says \(gid)") }
            if let uname = item.uname, let actual = entry.uname, !actual.isEmpty, uname != actual {
                out.append("uname is \(actual), spec says \(uname)")
            }
            if let gname = item.gname, let actual = entry.gname, !actual.isEmpty, gname != actual {
                out.append("gname is \(actual), spec says \(gname)")
            }
        }
        if let link = item.link, entry.type == .symlink, link != entry.link {
            out.append("link is \(entry.link ?? "none"), spec says \(link)")
        }
        if let size = item.size, actualType == .file, size != entry.size {
            out.append("size is \(entry.size), spec says \(size)")
        }
        return out
    }
}

func octal(_ mode: UInt32) -> String {
    let text = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
}
