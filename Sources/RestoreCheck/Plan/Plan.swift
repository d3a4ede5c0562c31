import Foundation

/// What to verify: one or more backup sets, and where reports go (README: the plan file).
/// Every key has a default, so a plan can be three lines; an ad-hoc run builds one in code.
public struct Plan: Sendable {
    public var sets: [BackupSetPlan]
    public var reports: ReportSettings
    /// `notify:`: monitors told at the start and the end of every run.
    public var notify: [Notifier.Target] = []
    /// The plan file, when there is one (relative paths in it are taken from its directory).
    public var file: String?

    public init(sets: [BackupSetPlan], reports: ReportSettings = ReportSettings(), file: String? = nil) {
        self.sets = sets
        self.reports = reports
        self.file = file
    }
}

public struct ReportSettings: Sendable {
    public enum Format: String, CaseIterable, Sendable { case junit, json, html }
    /// `reports.dir`, made absolute against the plan file; nil when the plan does not say
    /// (see `ReportLocation`).
    public var directory: String?
    public var formats: [Format] = Format.allCases
    /// Report files' mode (`reports.mode`): private by default, since a failing check can quote
    /// what a backup holds; directories get the matching search bits (0640 → 0750).
    public var mode: mode_t = 0o600
    public init() {}
}

/// One backup set: where its archives are, how their paths map to production, what must hold.
public struct BackupSetPlan: Sendable {
    public var name: String
    public var source = SourceSpec()
    public var layout = Layout()
    public var manifest: ManifestSpec = .auto
    /// The newest archive may be at most this old (from `schedule:` or `max_age:`).
    public var maxAge: TimeInterval?
    /// The schedule's name, for messages (`daily`).
    public var schedule: String?
    public var limits = RestoreLimits()
    public var expect: [ExpectRule] = []
    /// `preset:` entries of `expect:`, bundles of checks for what servers hold.
    public var presets: [PresetRule] = []
    public var retention = RetentionPolicy()
    /// Globs `diff` leaves out (caches, logs, sockets).
    public var ignore: [String] = []
    /// The dumps to re-import; nil: find them in the restored tree (`databases:` absent).
    public var databases: [DatabasePlan]?

    public init(name: String) { self.name = name }
}

public struct SourceSpec: Sendable {
    /// One archive file, or `-` for standard input.
    public var archive: String?
    /// A directory whose newest archive is verified.
    public var latest: String?
    /// A shell pattern that names the set's archives in `latest` (`shop-*.tar.zst`).
    public var pattern: String?
    public init(archive: String? = nil, latest: String? = nil, pattern: String? = nil) {
        self.archive = archive
        self.latest = latest
        self.pattern = pattern
    }
}

/// How archive names map to production paths: an entry `html/index.php` of an archive made in
/// `/var/www` with `prefix: /var/www` is checked as `/var/www/html/index.php`.
public struct Layout: Sendable {
    public var prefix: String = "/"
    public var stripComponents: Int = 0
    /// Where production lives on this machine (`layout.live:`), for the `location` check.
    public var live: String?
    public init(prefix: String = "/", stripComponents: Int = 0) {
        self.prefix = prefix
        self.stripComponents = stripComponents
    }
}

public enum ManifestSpec: Sendable, Equatable {
    /// Look inside the archive (SHA256SUMS, MANIFEST.sha256, *.mtree at its root), then beside it.
    case auto
    /// Do not look for a manifest.
    case none
    /// This file (GNU or BSD checksum lines, or an mtree spec).
    case file(String)
}

/// The bomb guard: a restore stops, and the `limits` check fails, when any is exceeded.
public struct RestoreLimits: Sendable {
    public var maxBytes: UInt64 = 64 << 30
    public var maxEntryBytes: UInt64 = 16 << 30
    public var maxEntries: Int = 2_000_000
    /// Restored bytes per archive byte, judged once 64 MiB are restored.
    public var maxRatio: Double = 1000
    /// The longest a set may take, restore, import and checks together (`limits.max_seconds`).
    public var maxSeconds: TimeInterval = 24 * 3600
    /// The longest the restore pass may go without reading the archive or writing an entry.
    public var stallSeconds: TimeInterval = 600
    /// Resident memory beyond which the set is stopped (a reader growing without bound).
    public var maxMemory: UInt64 = 4 << 30
    /// The longest dump line or statement held whole for the import (`limits.max_statement_bytes`):
    /// past it the import cannot be verified, rather than memory growing with the dump.
    public var maxStatementBytes: Int = DumpLineReader.defaultMaxLineBytes
    public init() {}
}

/// Named schedules and the largest age of the newest copy each allows (a little slack on top
/// of the period, so a job that runs a few minutes late is not a failure).
public enum Schedule {
    /// Presets follow common guidance for what a server holds: a shop, a blog, a development
    /// box, a game server and mail change daily; a static site every six months or so.
    public static let maxAges: [String: TimeInterval] = [
        "hourly": 2 * 3600, "daily": 26 * 3600, "weekly": 8 * 86400, "monthly": 32 * 86400,
        "online-store": 26 * 3600, "blog": 26 * 3600, "development": 26 * 3600, "game-server": 26 * 3600,
        "email": 26 * 3600, "static-site": 186 * 86400,
    ]
}

/// `retention:` — judged over every copy of the set in its directory (README: retention).
public struct RetentionPolicy: Sendable {
    /// Fewer copies than this fails (one copy dies with one bad night).
    public var minCopies = 2
    /// The newest copy smaller than the one before by more than this fraction fails.
    public var maxShrink = 0.5
    /// Some copy must be at least this old (the restore can go back that far).
    public var covers: TimeInterval?
    /// Two consecutive copies further apart than this fail (a missed run).
    public var maxGap: TimeInterval?
    public init() {}
}
