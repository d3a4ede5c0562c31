import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The db phase of one set: finds the dumps (the plan's, or every dump-looking
/// file in the restored tree), restores each into its target and runs the checks on it.
struct DatabaseVerifier {
    /// Scratch space for the databases (`sandbox.path/db`), and the servers' home.
    let sandbox: Sandbox
    /// The tree the dumps are in: the sandbox's restored tree for `verify`, a live tree (read
    /// in place) for `baseline`; a reader beneath it and its path on disk.
    let reader: SandboxReader
    let diskRoot: String
    let index: EntryIndex
    let plans: [DatabasePlan]?
    let now: Date
    /// Directories whose dumps are restored even when the plan lists its own (`preset: database-dumps`).
    var alsoFindUnder: [String] = []
    /// `limits.max_statement_bytes`: the longest line or statement held whole.
    var maxStatementBytes = DumpLineReader.defaultMaxLineBytes
    /// `-v`: failing statements are quoted with their values.
    var showValues = false
    var progress: ((String, UInt64) -> Void)?
    /// Measures each check's duration.
    var clock: any RunClock = SystemClock()
    /// Servers started for real-engine targets; all stopped when the phase ends.
    let servers = ServerList()
    /// Dumps loaded at once: the cores a set has (`--jobs` shares them out between sets).
    var lanes = 1
    /// Dumps loaded while the archive was still being restored (`DumpPrefetch`).
    var prefetched: [String: DumpPrefetch.Loaded] = [:]

    /// Names a dump may have; files of these names are opened and recognised by content.
    static let dumpSuffixes = [
        ".sql", ".sql.gz", ".sql.xz", ".sql.zst", ".sql.bz2", ".sql.lz4", ".dump", ".pgdump",
        ".pg_dump", ".backup", ".sqlite", ".sqlite3", ".db",
    ]

    /// Throws only for a plan that cannot work (a target that cannot take the dump): the
    /// plan is wrong, not the backup. Dumps are loaded `lanes` at a time, each into its own
    /// target; the outcomes keep the order of the dumps whatever order they finish in.
    func run() throws -> [DumpOutcome] {
        defer { servers.stopAll() }
        var jobs: [(plan: DatabasePlan, explicit: Bool)] = (plans ?? autoDetected()).map { ($0, plans != nil) }
        if plans != nil {
            let listed = Set(jobs.map(\.plan.dump))
            jobs += autoDetected().filter { found in
                !listed.contains(found.dump) && alsoFindUnder.contains { found.dump.hasPrefix($0 + "/") }
            }.map { ($0, false) }
        }
        // The index is a connection of this thread's: it is read here, before any lane starts,
        // and a pg_dump directory archive (whose load reads it again) stays on this thread.
        let entries = jobs.map { index.entry(productionPath: $0.plan.dump) }
        var results = [Result<([CheckResult], DumpReport?), Error>?](repeating: nil, count: jobs.count)
        for (number, job) in jobs.enumerated() {
            guard let early = prefetched[job.plan.dump], early.explicit == job.explicit,
                let entry = entries[number], Self.sameBytes(entry, early.entry)
            else { continue }
            results[number] = early.result
        }
        for number in jobs.indices where entries[number]?.type == .directory {
            results[number] = Result {
                try verify(jobs[number].plan, entry: entries[number], number: number, explicit: jobs[number].explicit)
            }
        }
        let streamed = jobs.indices.filter { results[$0] == nil }
        let shared = SharedVerifier(self)
        let frozen = jobs
        let loaded = try ParallelLanes.map(streamed.count, lanes: lanes) { position in
            let number = streamed[position]
            return Result {
                try shared.verifier.verify(
                    frozen[number].plan, entry: entries[number], number: number, explicit: frozen[number].explicit)
            }
        }
        for (position, number) in streamed.enumerated() { results[number] = loaded[position] }
        var outcomes: [DumpOutcome] = []
        // A plan error is thrown for the first dump in order that had one, as one after another would.
        for (number, result) in results.enumerated() {
            let (checks, report) = try (result ?? .failure(RestoreCheckError(.io, "a dump was left unloaded"))).get()
            guard report != nil || !checks.isEmpty else { continue }
            outcomes.append(DumpOutcome(dump: jobs[number].plan.dump, report: report, checks: checks))
        }
        return outcomes
    }

    /// Every restored regular file whose name looks like a dump and whose bytes confirm it.
    private func autoDetected() -> [DatabasePlan] {
        index.entries.filter(Self.looksLikeDump).map(\.productionPath).sorted().map { DatabasePlan(dump: $0) }
    }

    private static func looksLikeDump(_ entry: IndexedEntry) -> Bool {
        entry.type == .file && entry.restored
            && dumpSuffixes.contains { entry.productionPath.lowercased().hasSuffix($0) }
    }

    /// Whether `run` will load this entry, and whether the plan names it: what `DumpPrefetch`
    /// loads early, decided from the entry alone, as `run` decides from the whole index.
    static func wants(_ entry: IndexedEntry, plans: [DatabasePlan]?, alsoFindUnder: [String]) -> (
        plan: DatabasePlan, explicit: Bool
    )? {
        if let plans {
            if let plan = plans.first(where: { $0.dump == entry.productionPath }) { return (plan, true) }
            guard alsoFindUnder.contains(where: { entry.productionPath.hasPrefix($0 + "/") }) else { return nil }
        }
        return looksLikeDump(entry) ? (DatabasePlan(dump: entry.productionPath), false) : nil
    }

    /// The same restored file: a load from one stands for the other.
    static func sameBytes(_ entry: IndexedEntry, _ other: IndexedEntry) -> Bool {
        entry.type == .file && other.type == .file && entry.restored && other.restored && entry.size == other.size
            && entry.digests[.sha256] != nil && entry.digests[.sha256] == other.digests[.sha256]
    }

    func verify(_ plan: DatabasePlan, entry: IndexedEntry?, number: Int, explicit: Bool) throws -> (
        [CheckResult], DumpReport?
    ) {
        let dump = plan.dump
        let checks = DatabaseChecks(dump: dump, plan: plan, now: now)
        var report = DumpReport(dump: dump, target: plan.target)
        let problem: String? =
            switch entry {
            case nil: "is not in the backup"
            case let entry? where !entry.restored: "is in the backup but could not be restored"
            case let entry? where entry.type == .directory: pgDirectoryProblem(dump)
            case let entry? where entry.type != .file: "is in the backup but is not a regular file or a directory"
            default: nil
            }
        if let problem {
            return (
                [CheckResult(CheckID(.db, "import", subject: dump), status: .fail, message: "\(dump) \(problem)")],
                report
            )
        }
        var head: [UInt8] = []
        var source: CompressedDumpSource?
        do {
            if entry?.type != .directory {
                let opened = try open(dump, reader)
                report.compression = opened.compression == "none" ? nil : opened.compression
                head = try Self.head(of: opened)
                source = opened
            }
        } catch {
            return (
                [
                    CheckResult(
                        CheckID(.db, "import", subject: dump), status: .fail,
                        message: "\(dump): cannot be read: \(error)")
                ], report
            )
        }
        // A dump-named file with no bytes is the classic failed backup job, plan or no plan.
        guard !head.isEmpty || source == nil else {
            return (
                [
                    CheckResult(
                        CheckID(.db, "import", subject: dump), status: .fail,
                        message: "\(dump) is empty: the dump holds no data")
                ], report
            )
        }
        let format = source == nil ? DumpFormat.pgDirectory : DialectSniffer.format(head)
        report.format = format
        if !explicit, format == .sql, DialectSniffer.sniff(head) == nil {
            return ([], nil) // a .sql-named file that is no dump: not ours to judge
        }
        if !explicit,
            format == .sqliteDatabase || dump.hasSuffix(".db") || dump.hasSuffix(".sqlite")
                || dump.hasSuffix(".sqlite3")
        {
            if format != .sqliteDatabase { return ([], nil) }
        }
        var results: [CheckResult] = []
        do {
            let restored: RestoredDatabase
            let engine: String
            var dumpDatabases: [String] = []
            switch format {
            case .sqliteDatabase:
                let database = try SQLiteDatabase(
                    path: diskRoot + "/" + String(decoding: reader.relative(dump), as: UTF8.self), readOnly: true)
                restored = SQLiteRestoredDatabase(database: database, foreignKeys: [])
                engine = "SQLite"
                results.append(
                    CheckResult(
                        CheckID(.db, "import", subject: dump), status: .pass,
                        message: "a SQLite database file, opened in place"))
            case .sql, .pgCustom, .pgTar, .pgDirectory:
                let dialect = format.isPgArchive ? DumpDialect.postgres : (plan.dialect ?? DialectSniffer.sniff(head))
                guard let dialect else {
                    return (
                        [
                            CheckResult(
                                CheckID(.db, "import", subject: dump), status: .error,
                                message:
                                    "\(dump): cannot tell which SQL dialect this dump is; set `dialect:` (sqlite, "
                                    + "mysql, postgres) in the plan"
                            )
                        ], report
                    )
                }
                report.dialect = dialect
                // The SQL is read on from where sniffing stopped: one pass over the dump.
                let sql = source.map { PrefixedDumpSource(prefix: head, rest: $0) }
                let importStarted = clock.monotonic()
                let outcome = try restore(plan, format: format, dialect: dialect, number: number, sql: sql)
                restored = outcome.database
                engine = restored.engine
                var result = outcome.result
                // The import's duration on the run's clock, like every other duration.
                result.seconds = clock.monotonic() - importStarted
                report.complete = result.complete
                report.statements = result.statements
                report.rowsInserted = result.rowsInserted
                report.bytes = result.bytes
                report.seconds = result.seconds
                report.omitted = result.omitted
                dumpDatabases = result.databases
                results.append(checks.complete(result))
                var imported = checks.import(result, engine: engine)
                imported.seconds = result.seconds
                results.append(imported)
            }
            results.append(
                measured {
                    do {
                        return checks.integrity(try restored.integrityProblems(), engine: engine)
                    } catch {
                        return CheckResult(
                            CheckID(.db, "integrity", subject: dump), status: .error,
                            message: "\(dump): the integrity check could not run: \(error)")
                    }
                })
            results.append(
                measured {
                    do {
                        report.tables = try restored.tableCounts()
                        return checks.tables(report.tables, databases: dumpDatabases) { name in
                            if case .integer(let rows)? = try? restored.firstValue(
                                "SELECT count(*) FROM \(quoteIdentifier(name))")
                            {
                                return Int(rows)
                            }
                            return nil
                        }
                    } catch {
                        return CheckResult(
                            CheckID(.db, "tables", subject: dump), status: .error,
                            message: "\(dump): cannot count the tables: \(error)")
                    }
                })
            results += plan.assertions.map { rule in measured { checks.assertion(rule, in: restored) } }
            if let freshness = plan.freshness { results.append(measured { checks.freshness(freshness, in: restored) }) }
        } catch let error as RestoreCheckError where error.kind == .plan {
            throw error
        } catch {
            results.append(
                CheckResult(CheckID(.db, "import", subject: dump), status: .error, message: "\(dump): \(error)"))
        }
        return (results, report)
    }

    /// A check with the time its judgement took.
    private func measured(_ judge: () -> CheckResult) -> CheckResult {
        let started = clock.monotonic()
        var result = judge()
        result.seconds = clock.monotonic() - started
        return result
    }

    private func open(_ dump: String, _ reader: SandboxReader) throws -> CompressedDumpSource {
        let fd = reader.open(reader.relative(dump), flags: O_RDONLY)
        guard fd >= 0 else {
            throw RestoreCheckError(.io, "cannot open the dump in the sandbox", path: dump, errno: errno)
        }
        return try CompressedDumpSource(fd: fd, name: dump)
    }

    private static func head(of source: DumpByteSource) throws -> [UInt8] {
        var head = [UInt8](repeating: 0, count: 1 << 16)
        var filled = 0
        while filled < head.count {
            let count = try head.withUnsafeMutableBytes {
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        return Array(head.prefix(filled))
    }
}

/// The servers of one db phase, stopped together at its end (also after a failure); lanes
/// loading dumps at once add theirs.
final class ServerList: @unchecked Sendable {
    private let lock = NSLock()
    private var servers: [EngineServer] = []
    func append(_ server: EngineServer) { lock.withLock { servers.append(server) } }
    func stopAll() {
        let all = lock.withLock {
            defer { servers.removeAll() }
            return servers
        }
        for server in all { server.stop() }
    }
}

/// The verifier, handed to the lanes that load dumps at once. What they share is safe across
/// threads: the sandbox's path and directory descriptor (opened beneath with openat2), the
/// locked server list and progress line, the clock. The entry index, a connection confined
/// to the set's thread, is read before the lanes start (`run`) and never by them.
private struct SharedVerifier: @unchecked Sendable {
    let verifier: DatabaseVerifier
    init(_ verifier: DatabaseVerifier) { self.verifier = verifier }
}
