import Foundation

/// `preset: wordpress`: the core files, a wp-config.php others cannot read, uploads, and a
/// database dump (restored in the db phase) whose tables include options, posts and users.
struct WordPressPreset {
    let root: String
    let preset: PresetRule
    let context: PresetChecks

    static let coreFiles = ["index.php", "wp-config.php", "wp-settings.php", "wp-login.php", "wp-includes/version.php"]
    static let coreDirectories = ["wp-admin", "wp-content", "wp-includes"]

    func results() -> [CheckResult] {
        [core(), config(), uploads(), database()]
    }

    private func core() -> CheckResult {
        var offenders: [Offender] = []
        for file in Self.coreFiles
        where context.reader.lstat("\(root)/\(file)").map({ $0.st_mode & S_IFMT == S_IFREG }) != true {
            offenders.append(Offender("\(root)/\(file)", "missing"))
        }
        for directory in Self.coreDirectories where !context.isDirectory("\(root)/\(directory)") {
            offenders.append(Offender("\(root)/\(directory)/", "missing"))
        }
        return CheckResult.judge(
            preset.checkID("core"), offenders: offenders,
            pass: "WordPress core files present", fail: { "\(plural($0, "core file")) missing from \(root)" })
    }

    private func config() -> CheckResult {
        let path = "\(root)/wp-config.php"
        guard let info = context.reader.lstat(path) else {
            return CheckResult(preset.checkID("wp-config"), status: .fail, message: "\(path) is missing")
        }
        let mode = UInt32(info.st_mode) & 0o777
        if mode & 0o006 != 0 {
            return CheckResult(
                preset.checkID("wp-config"), status: .fail,
                message:
                    "\(path) is readable or writable by everyone (mode \(octal(mode))): it holds the database password",
                offenders: [Offender(path, "mode \(octal(mode))")])
        }
        return CheckResult(
            preset.checkID("wp-config"), status: .pass, message: "mode \(octal(mode)): not world-readable")
    }

    private func uploads() -> CheckResult {
        let files = context.files(under: "\(root)/wp-content/uploads")
        guard !files.isEmpty else {
            return CheckResult(
                preset.checkID("uploads"), status: .fail, message: "no file under \(root)/wp-content/uploads")
        }
        let bytes = files.reduce(Int64(0)) { $0 + $1.size }
        return CheckResult(
            preset.checkID("uploads"), status: .pass,
            message: "\(plural(files.count, "upload")), \(ByteSize.format(UInt64(bytes)))")
    }

    /// Some restored dump has tables named …options, …posts and …users (any table prefix).
    private func database() -> CheckResult {
        let wanted = ["options", "posts", "users"]
        let match = context.databases.first { dump in
            wanted.allSatisfy { suffix in dump.tables.contains { $0.name.lowercased().hasSuffix(suffix) } }
        }
        guard let match else {
            let found = context.databases.map(\.dump)
            return CheckResult(
                preset.checkID("database"), status: .fail,
                message: found.isEmpty
                    ? "no database dump in the backup"
                    : "no dump holds options, posts and users tables (dumps: \(found.joined(separator: ", ")))")
        }
        let counts = match.tables.filter { table in wanted.contains { table.name.lowercased().hasSuffix($0) } }.map {
            "\($0.name) \($0.rows)"
        }
        return CheckResult(
            preset.checkID("database"), status: .pass, message: "\(match.dump): \(counts.joined(separator: ", "))")
    }
}

#if canImport(Glibc)
    import Glibc
#endif
