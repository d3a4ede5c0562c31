import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The presets of a set's `expect:`, judged after the db phase (two presets need its results).
struct PresetChecks {
    let presets: [PresetRule]
    let index: EntryIndex
    let reader: SandboxReader
    /// The db phase's verdict on each dump (two presets need it).
    let dumps: [DumpOutcome]
    /// The dumps that were recognised, with their tables.
    var databases: [DumpReport] { dumps.reports }

    func results() -> [CheckResult] {
        presets.flatMap { preset -> [CheckResult] in
            switch preset.kind {
            case .wordpress: return WordPressPreset(root: preset.location, preset: preset, context: self).results()
            case .maildir: return MaildirPreset(root: preset.location, preset: preset, context: self).results()
            case .media: return MediaPreset(pattern: preset.location, preset: preset, context: self).results()
            case .databaseDumps: return [databaseDumps(preset)]
            case .config: return [config(preset)]
            }
        }
    }

    /// Regular restored files at or below `directory`.
    func files(under directory: String) -> [IndexedEntry] {
        let prefix = directory == "/" ? "/" : directory + "/"
        return index.entries.filter { $0.type == .file && $0.restored && $0.productionPath.hasPrefix(prefix) }
    }

    func isDirectory(_ path: String) -> Bool {
        guard let info = reader.lstat(path) else { return false }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// At least one dump under the directory; each complete and importable.
    private func databaseDumps(_ preset: PresetRule) -> CheckResult {
        let prefix = preset.location + "/"
        let dumps = self.dumps.filter { $0.dump.hasPrefix(prefix) && $0.report != nil }
        guard !dumps.isEmpty else {
            return CheckResult(
                preset.checkID(), status: .fail, message: "no database dump under \(preset.location) in the backup")
        }
        var offenders: [Offender] = []
        for dump in dumps {
            for check in dump.restoreProblems {
                offenders.append(Offender(dump.dump, "\(check.id.check) \(check.status.rawValue): \(check.message)"))
            }
        }
        return CheckResult.judge(
            preset.checkID(), offenders: offenders,
            pass:
                "\(plural(dumps.count, "dump")) under \(preset.location), each complete and importable "
                + "(\(dumps.compactMap(\.report).map { "\($0.totalRows) rows" }.joined(separator: ", ")))",
            fail: { "\(plural($0, "dump problem")) under \(preset.location)" })
    }

    /// Present, not empty, and no permission bit beyond the preset's `mode`. A path that is a
    /// link (Debian's alternatives) is judged by the file its chain ends at, inside the backup.
    private func config(_ preset: PresetRule) -> CheckResult {
        var offenders: [Offender] = []
        var chains: [String] = []
        let resolver = LinkResolver(index: index)
        for path in preset.paths {
            guard index.entry(productionPath: path) != nil || reader.lstat(path) != nil else {
                offenders.append(Offender(path, "missing from the backup"))
                continue
            }
            let resolution = resolver.resolve(path)
            guard let target = resolution.target else {
                offenders.append(Offender(path, "\(resolution.shown) \(resolution.problem ?? "")"))
                continue
            }
            if resolution.chain.count > 1 { chains.append(resolution.shown) }
            guard let info = reader.lstat(target), info.st_mode & S_IFMT == S_IFREG else {
                offenders.append(Offender(path, "\(resolution.shown): not a regular file"))
                continue
            }
            let shown = resolution.chain.count > 1 ? resolution.shown : path
            if info.st_size == 0 { offenders.append(Offender(path, "\(shown): empty")) }
            let mode = UInt32(info.st_mode) & 0o7777
            if mode & ~preset.mode != 0 {
                offenders.append(Offender(path, "\(shown): mode \(octal(mode)) is looser than \(octal(preset.mode))"))
            }
        }
        let followed = chains.isEmpty ? "" : " (following \(chains.joined(separator: "; ")))"
        return CheckResult.judge(
            preset.checkID(), offenders: offenders,
            pass: "\(plural(preset.paths.count, "file")) present, not empty, no looser than \(octal(preset.mode))"
                + followed,
            fail: { "\(plural($0, "config problem"))" })
    }
}
