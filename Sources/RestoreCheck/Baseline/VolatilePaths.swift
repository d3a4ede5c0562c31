import Foundation

/// What changes every night on a healthy server — logs, caches, spools, sessions, temporary
/// files, pid and lock files, the package manager's state — so a baseline that pinned it
/// would fail the next night's backup. `baseline` leaves these out of its rules and its mtree
/// spec, and lists the ones the source holds in the plan's `ignore:`, which every check obeys.
enum VolatilePaths {
    static let globs = [
        "/var/log/**", "/var/cache/**", "/var/spool/**", "/var/tmp/**", "/tmp/**", "/run/**", "/var/run/**",
        "/var/lock/**", "/var/lib/apt/**", "/var/lib/dpkg/**", "/var/lib/php/sessions/**", "/var/lib/systemd/**",
        "/var/backups/*.gz", "/etc/ld.so.cache", "/etc/mtab", "/etc/adjtime", "**/*.log", "**/*.log.[0-9]*",
        "**/*.pid", "**/*.lock", "**/*.swp", "**/cache/**", "**/sessions/**", "**/tmp/**",
    ]
    static let compiled = globs.map(Glob.init)

    static func isVolatile(_ path: String) -> Bool { compiled.contains { $0.matches(path) } }

    /// The globs that match something in the source, for the plan's `ignore:`. The paths are
    /// streamed (an index of millions of entries is never held), and the walk stops once every
    /// glob has matched.
    static func present(in paths: some Sequence<String>) -> [String] {
        var found = Set<Int>()
        for path in paths {
            for (index, glob) in compiled.enumerated() where !found.contains(index) && glob.matches(path) {
                found.insert(index)
            }
            if found.count == globs.count { break }
        }
        return globs.indices.filter(found.contains).map { globs[$0] }
    }
}

/// Secrets found by what a file holds, not only by its name: a database password in a CMS's
/// configuration, a private key, an API token in an environment file. Only small text files
/// of configuration kinds are read, and only their first 64 KiB.
enum SecretContent {
    static let names: Set<String> = [
        "config.php", "settings.php", "local.xml", "env.php", "database.yml", "secrets.yml", "wp-config.php",
        ".env", "parameters.yml", "configuration.php", "LocalSettings.php",
    ]
    static let suffixes = [".php", ".env", ".ini", ".conf", ".cnf", ".yml", ".yaml", ".json", ".xml", ".cfg", ".py"]
    /// Lower-cased markers; a key name followed by `=` or `:` or a quote holds a value.
    static let keys = [
        "db_password", "database_password", "db_pass", "password", "passwd", "secret_key", "api_key", "apikey",
        "auth_token", "access_token", "client_secret", "private_key",
    ]

    /// Named like a secret: a key, a password file, a CMS's configuration.
    static func isSecretName(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return names.contains(name) || BaselineFinder.secretNames.contains(name)
            || BaselineFinder.secretSuffixes.contains { name.hasSuffix($0) }
            || (name.hasPrefix("id_") && !name.hasSuffix(".pub"))
    }

    static func isCandidate(_ path: String, size: Int64) -> Bool {
        let name = (path as NSString).lastPathComponent
        return size > 0 && size <= 1 << 20 && (names.contains(name) || suffixes.contains { name.hasSuffix($0) })
    }

    /// Whether `bytes` (a file's head) holds a key with a value or a private key block.
    static func holdsSecret(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("PRIVATE KEY-----") { return true }
        for line in text.split(whereSeparator: \.isNewline) {
            let lowered = line.lowercased()
            let trimmed = lowered.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix(";"), !trimmed.hasPrefix("//") else { continue }
            for key in keys {
                guard let range = lowered.range(of: key) else { continue }
                // A word of its own (`challengePassword` is not a password).
                if range.lowerBound > lowered.startIndex {
                    let before = lowered[lowered.index(before: range.lowerBound)]
                    if before.isLetter || before.isNumber { continue }
                }
                let after = lowered[range.upperBound...].drop { $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\t" }
                guard let first = after.first, first == "=" || first == ":" || first == "," else { continue }
                let value = after.dropFirst().drop { " \t'\",=>".contains($0) }.prefix { !" \t'\";#".contains($0) }
                // A value, not a reference (`$dir/…`, `{{ var }}`) nor a word (`passwd: files`).
                guard !value.hasPrefix("$"), !value.hasPrefix("{"), !value.hasPrefix("%") else { continue }
                if value.count >= 12 || (value.count >= 6 && value.contains { !$0.isLetter }) { return true }
            }
        }
        return false
    }
}
