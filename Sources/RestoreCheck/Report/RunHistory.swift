import Foundation

/// One earlier run of a set, as the history keeps it.
public struct HistoryEntry: Codable, Sendable {
    public var time: Date
    public var set: String
    public var archive: String?
    public var sha256: String?
    public var verdict: Verdict
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var warnings: Int
    public var archiveBytes: UInt64
    public var restoredBytes: UInt64
    public var rows: Int
    public var seconds: Double

    /// A row for one set's run that started at `time`.
    public init(_ set: SetReport, at time: Date) {
        self.time = time
        self.set = set.name
        archive = set.archive?.path
        sha256 = set.archive?.sha256
        verdict = set.verdict
        passed = set.count(.pass)
        failed = set.count(.fail)
        errors = set.count(.error)
        warnings = set.count(.warn)
        archiveBytes = set.archive?.sizeBytes ?? 0
        restoredBytes = set.archive?.restoredBytes ?? 0
        rows = set.databases.reduce(0) { $0 + $1.totalRows }
        seconds = set.seconds
    }

    init(
        time: Date, set: String, archive: String?, sha256: String?, verdict: Verdict, passed: Int, failed: Int,
        errors: Int,
        warnings: Int, archiveBytes: UInt64, restoredBytes: UInt64, rows: Int, seconds: Double
    ) {
        self.time = time
        self.set = set
        self.archive = archive
        self.sha256 = sha256
        self.verdict = verdict
        self.passed = passed
        self.failed = failed
        self.errors = errors
        self.warnings = warnings
        self.archiveBytes = archiveBytes
        self.restoredBytes = restoredBytes
        self.rows = rows
        self.seconds = seconds
    }
}

/// The history of runs, a SQLite file beside the reports (`history.sqlite`): each run
/// appends a row per set. Reading or writing it never changes a verdict; a failure is a
/// warning the caller prints.
public struct RunHistory {
    /// Which runs: the nightly verdicts (`runs`) or the comparisons before a migration
    /// (`diffs`), kept in tables of their own so a diff's differences never read as a failed
    /// night, nor a diff as the set's last pass.
    public enum Kind: String, Sendable {
        case verify = "runs"
        case diff = "diffs"
    }

    public let path: String
    public let kind: Kind

    public init(reportDirectory: String, kind: Kind = .verify) {
        path = (reportDirectory as NSString).appendingPathComponent("history.sqlite")
        self.kind = kind
    }

    private func open() throws -> SQLiteDatabase {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let database = try SQLiteDatabase(path: path)
        // Runs in parallel (a fleet's shards, two cron jobs) append to one file: wait for the
        // lock rather than lose a row, and let readers read while a writer writes (WAL).
        database.waitWhenBusy(milliseconds: 30_000)
        try database.execute(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS runs (time TEXT NOT NULL, set_name TEXT NOT NULL, archive TEXT, sha256 TEXT,
              verdict TEXT NOT NULL, passed INTEGER, failed INTEGER, errors INTEGER, warnings INTEGER,
              archive_bytes INTEGER, restored_bytes INTEGER, rows INTEGER, seconds REAL);
            CREATE INDEX IF NOT EXISTS runs_by_set ON runs (set_name, time);
            CREATE TABLE IF NOT EXISTS diffs AS SELECT * FROM runs WHERE 0;
            CREATE INDEX IF NOT EXISTS diffs_by_set ON diffs (set_name, time);
            """)
        return database
    }

    public func append(_ entry: HistoryEntry) throws { try append([entry]) }

    /// A run's rows, in one transaction through one connection: one commit (one sync of the
    /// file) for the whole run, however many sets it had.
    public func append(_ entries: [HistoryEntry]) throws {
        guard !entries.isEmpty else { return }
        let database = try open()
        try database.execute("BEGIN IMMEDIATE")
        do {
            let statement = try database.prepare("INSERT INTO \(kind.rawValue) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
            for entry in entries {
                let values: [SQLValue] = [
                    .text(Array(ISOTime.string(entry.time).utf8)), .text(Array(entry.set.utf8)),
                    entry.archive.map { .text(Array($0.utf8)) } ?? .null,
                    entry.sha256.map { .text(Array($0.utf8)) } ?? .null, .text(Array(entry.verdict.rawValue.utf8)),
                    .integer(Int64(entry.passed)), .integer(Int64(entry.failed)), .integer(Int64(entry.errors)),
                    .integer(Int64(entry.warnings)),
                    .integer(Int64(clamping: entry.archiveBytes)), .integer(Int64(clamping: entry.restoredBytes)),
                    .integer(Int64(entry.rows)), .real(entry.seconds),
                ]
                statement.reset()
                for (position, value) in values.enumerated() { try statement.bind(value, at: Int32(position + 1)) }
                try statement.step()
            }
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    /// The newest `limit` runs (of one set, or all), newest first.
    public func entries(set: String? = nil, limit: Int = 30) throws -> [HistoryEntry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try entries(set: set, limit: limit, in: try open())
    }

    /// Each of `sets`' newest runs, read through one connection.
    public func entries(sets: [String], limit: Int = 30) throws -> [String: [HistoryEntry]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let database = try open()
        var found: [String: [HistoryEntry]] = [:]
        for set in sets where found[set] == nil { found[set] = try entries(set: set, limit: limit, in: database) }
        return found
    }

    private func entries(set: String?, limit: Int, in database: SQLiteDatabase) throws -> [HistoryEntry] {
        let filter = set.map { "WHERE set_name = '\($0.replacingQuotes)'" } ?? ""
        return try database.rows(
            "SELECT * FROM \(kind.rawValue) \(filter) ORDER BY time DESC, rowid DESC LIMIT \(limit)"
        ).map {
            row in
            func text(_ index: Int) -> String? {
                if case .text(let bytes) = row[index] {
                    return String(decoding: bytes, as: UTF8.self)
                } else {
                    return nil
                }
            }
            func int(_ index: Int) -> Int64 {
                if case .integer(let value) = row[index] { return value } else { return 0 }
            }
            func real(_ index: Int) -> Double { row[index].number ?? 0 }
            // A row this version cannot read back is shown as an error, never as a pass.
            let time = text(0).flatMap(ISOTime.parse) ?? Date(timeIntervalSince1970: 0)
            return HistoryEntry(
                time: time, set: text(1) ?? "", archive: text(2), sha256: text(3),
                verdict: text(4).flatMap(Verdict.init(rawValue:)) ?? .error,
                passed: Int(int(5)), failed: Int(int(6)), errors: Int(int(7)), warnings: Int(int(8)),
                archiveBytes: UInt64(max(0, int(9))), restoredBytes: UInt64(max(0, int(10))), rows: Int(int(11)),
                seconds: real(12))
        }
    }
}
