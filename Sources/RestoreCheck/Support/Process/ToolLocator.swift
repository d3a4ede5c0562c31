import Foundation

/// Finds the database engines' programs: on PATH, then in Debian's versioned directories
/// (`/usr/lib/postgresql/<n>/bin`, newest first), where `initdb` and `pg_ctl` live.
enum ToolLocator {
    /// `RESTORECHECK_TOOL_PATH` (directories, `:`-separated) replaces the whole search: for
    /// engines installed elsewhere, and for tests that need a tool to be missing.
    static func find(_ name: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        var directories: [String]
        if let override = environment["RESTORECHECK_TOOL_PATH"] {
            directories = override.split(separator: ":").map(String.init)
        } else {
            directories =
                (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + [
                    "/usr/sbin", "/sbin",
                ]
            if name.hasPrefix("pg_") || ["initdb", "postgres", "psql"].contains(name) {
                directories = postgresDirectories() + directories // the real binaries, not wrappers
            }
        }
        for directory in directories {
            let path = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private static func postgresDirectories() -> [String] {
        let base = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return versions.compactMap { Int($0) }.sorted(by: >).map { "\(base)/\($0)/bin" }
    }

    /// The error for a missing program, naming the Debian package that provides it.
    static func missing(_ name: String, package: String) -> RestoreCheckError {
        RestoreCheckError(.io, "`\(name)` is not installed; install it with: apt-get install \(package)")
    }
}
