import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL cluster: `initdb` into the sandbox, `pg_ctl start` with
/// `listen_addresses=''` (no TCP) and its socket in the sandbox, the dump loaded with
/// `psql -v ON_ERROR_STOP=1` or `pg_restore --exit-on-error`, stopped and removed at the end.
final class PostgresServer: EngineServer {
    let directory: String
    private let data: String
    private let socket: String
    private let user = "postgres"
    private var started = false
    private var serverPID: Int32?
    private let database = "restorecheck"
    /// The databases the dump connected to (pg_dumpall), in order.
    private var databases: [String] = []
    /// Tables per database with tables, as last counted.
    private var tablesByDatabase: [(database: String, tables: [TableCount])] = []
    private let tools: [String: String]
    var engine: String { "PostgreSQL" }

    static let package = "postgresql"

    init(directory: String) throws {
        self.directory = directory
        data = directory + "/data"
        socket = directory + "/socket"
        var found: [String: String] = [:]
        for name in ["initdb", "pg_ctl", "psql", "pg_restore"] {
            guard let path = ToolLocator.find(name) else { throw ToolLocator.missing(name, package: Self.package) }
            found[name] = path
        }
        tools = found
    }

    private func run(_ tool: String, _ arguments: [String], asServer: Bool = false) throws -> (
        status: Int32, output: [UInt8], errors: String
    ) {
        let (program, args) =
            asServer ? EngineUser.command(tools[tool]!, arguments, as: user) : (tools[tool]!, arguments)
        return try ChildProcess.run(
            program, args, stderrPath: "\(directory)/\(tool).err", captureOutput: tool != "pg_ctl")
    }

    func start() throws {
        if let blocked = EngineUser.blockedDirectory(on: (directory as NSString).deletingLastPathComponent, for: user) {
            throw RestoreCheckError(
                .io,
                "the PostgreSQL server runs as user \(user), who cannot pass through \(blocked); give --scratch a "
                    + "directory it can reach (such as /tmp)"
            )
        }
        mkdir(directory, 0o700)
        mkdir(socket, 0o700)
        EngineUser.give(directory, to: user)
        EngineUser.give(socket, to: user)
        let initdb = try run(
            "initdb", ["-D", data, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust", "--no-sync"],
            asServer: true)
        guard initdb.status == 0 else {
            throw RestoreCheckError(.io, "initdb failed (status \(initdb.status)): \(initdb.errors)")
        }
        let options =
            "-c listen_addresses='' -k \(socket) -c fsync=off -c full_page_writes=off -c synchronous_commit=off "
            // Shared memory segments as files in the data directory, not in /dev/shm.
            + "-c dynamic_shared_memory_type=mmap"
        let start = try run(
            "pg_ctl", ["-D", data, "-l", "\(directory)/server.log", "-w", "-t", "60", "-o", options, "start"],
            asServer: true)
        guard start.status == 0 else {
            let log =
                (try? String(contentsOfFile: "\(directory)/server.log", encoding: .utf8))?.split(separator: "\n")
                .suffix(3).joined(separator: " | ") ?? ""
            throw RestoreCheckError(.io, "the PostgreSQL server did not start: \(start.errors) \(log)")
        }
        started = true
        if let pidText = try? String(contentsOfFile: "\(data)/postmaster.pid", encoding: .utf8),
            let pid = Int32(pidText.split(separator: "\n").first ?? "")
        {
            serverPID = pid
            SandboxRegistry.shared.register(server: pid)
        }
        let create = try psql(["-d", "postgres", "-c", "CREATE DATABASE \(database)"])
        guard create.status == 0 else {
            throw RestoreCheckError(.io, "cannot create the restore database: \(create.errors)")
        }
    }

    private func psql(_ arguments: [String]) throws -> (status: Int32, output: [UInt8], errors: String) {
        try run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socket, "-U", "postgres"] + arguments)
    }

    func load(_ input: EngineInput, dialect: DumpDialect, name: String) throws -> DumpImportResult {
        guard dialect == .postgres else {
            throw targetMismatch("postgres", accepts: "pg_dump", dump: name, dialect: dialect)
        }
        let started = Date()
        let lines: DumpLineReader
        switch input {
        case .sql(let reader):
            lines = reader
        case .pgArchive(let archive):
            let child = ChildProcess(
                tools["pg_restore"]!,
                ["--exit-on-error", "--no-owner", "--no-privileges", "-h", socket, "-U", "postgres", "-d", database]
                    + archive.arguments,
                stderrPath: "\(directory)/pg_restore.err")
            do {
                // Our copy of the pipe's read end closes here, or a pg_restore that stops
                // early would leave the feeding thread blocked on a pipe nobody reads.
                let input = try archive.standardInput()
                try child.start(inputFrom: input)
            }
            let status = child.wait()
            let feedError = archive.feedError
            var result = DumpImportResult(dialect: .postgres)
            result.complete = status == 0 && feedError == nil
            result.incompleteReason = result.complete ? nil : "pg_restore could not restore the whole archive"
            if status != 0 {
                result.failure = .init(
                    line: nil, statement: nil, message: "pg_restore exited with status \(status): \(child.errorText())")
            } else if let feedError {
                result.failure = .init(
                    line: nil, statement: nil, message: "the archive could not be read to its end: \(feedError)")
            }
            result.seconds = Date().timeIntervalSince(started)
            return result
        }
        let child = ChildProcess(
            tools["psql"]!, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socket, "-U", "postgres", "-d", database],
            stderrPath: "\(directory)/psql.err")
        try child.start(feedInput: true)
        var (result, scanner) = try stream(lines, to: child, dialect: .postgres) { line in
            // pg_dumpall recreates every role, the bootstrap superuser too; the fresh cluster
            // has it already, an error PostgreSQL's documentation calls harmless. Only it.
            Self.isBootstrapRole(line) ? Array("-- restorecheck: role postgres exists already".utf8) : nil
        }
        databases = scanner.databases
        let status = child.wait()
        if status != 0 && result.failure == nil {
            let errors = child.firstError()
            result.failure = .init(
                line: Self.errorLine(errors), statement: nil, message: "psql stopped (status \(status)): \(errors)")
        }
        return result
    }

    static func isBootstrapRole(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text == "CREATE ROLE postgres;"
    }

    /// Every database the dump loaded into: ours, and those it connected to (pg_dumpall).
    private var loaded: [String] { [database] + databases.filter { $0 != database && $0 != "template0" } }

    /// Where assertions run: the first database that holds tables (ours for a pg_dump).
    private var queryDatabase: String {
        if tablesByDatabase.isEmpty { _ = try? tableCounts() }
        return tablesByDatabase.first?.database ?? database
    }

    /// One query, its first row's fields as psql prints them unaligned (`\x1f`-separated).
    private func query(_ sql: String) throws -> [String]? {
        let result = try psql(["-d", queryDatabase, "-A", "-t", "-F", "\u{1F}", "-c", sql])
        guard result.status == 0 else { throw RestoreCheckError(.io, result.errors) }
        let text = String(decoding: result.output, as: UTF8.self)
        guard let first = text.split(separator: "\n", omittingEmptySubsequences: false).first, !text.isEmpty else {
            return nil
        }
        return first.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }

    /// The value's type and its text's bytes as hex, so newlines, tabs and bytea arrive exact.
    func firstValue(_ sql: String) throws -> SQLValue? {
        let inner = sql.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(
            in: CharacterSet(charactersIn: ";"))
        guard
            let fields = try query(
                "SELECT pg_typeof(q.v)::text, encode(convert_to(q.v::text, 'UTF8'), 'hex'), q.v IS NULL FROM "
                    + "(\(inner)) AS q(v) LIMIT 1"
            ),
            fields.count == 3
        else { return nil }
        if fields[2] == "t" { return .null }
        guard let bytes = Hex(hex: Substring(fields[1]))?.bytes else { return nil }
        if fields[0] == "bytea", bytes.starts(with: [0x5C, 0x78]),
            let raw = Hex(hex: Substring(String(decoding: bytes.dropFirst(2), as: UTF8.self)))?.bytes
        {
            return .blob(raw)
        }
        return .text(bytes)
    }

    /// Ordinary tables (partitions included, partitioned parents not: their rows are the
    /// partitions') of every database the dump loaded, named `db.table` when several hold tables.
    func tableCounts() throws -> [TableCount] {
        tablesByDatabase = []
        for name in loaded {
            let counts = try tableCounts(in: name)
            if !counts.isEmpty { tablesByDatabase.append((name, counts)) }
        }
        guard tablesByDatabase.count > 1 else { return tablesByDatabase.first?.tables ?? [] }
        return tablesByDatabase.flatMap { entry in
            entry.tables.map { TableCount(name: "\(entry.database).\($0.name)", rows: $0.rows) }
        }.sorted { $0.name < $1.name }
    }

    private func tableCounts(in database: String) throws -> [TableCount] {
        let list = try psql([
            "-d", database, "-A", "-t", "-c",
            "SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END, "
                + "quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON "
                + "n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', "
                + "'information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1",
        ])
        guard list.status == 0 else { throw RestoreCheckError(.io, "psql could not list the tables: \(list.errors)") }
        let tables = String(decoding: list.output, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: "|", maxSplits: 1).map(String.init)
        }.filter { $0.count == 2 }
        guard !tables.isEmpty else { return [] }
        let union = tables.map { "SELECT '\($0[0].replacingQuotes)', count(*) FROM \($0[1])" }.joined(
            separator: " UNION ALL ")
        let counts = try psql(["-d", database, "-A", "-t", "-F", "\u{1F}", "-c", union])
        guard counts.status == 0 else {
            throw RestoreCheckError(.io, "psql could not count the rows: \(counts.errors)")
        }
        return String(decoding: counts.output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\u{1F}")
            guard parts.count == 2, let rows = Int(parts[1]) else { return nil }
            return TableCount(name: String(parts[0]), rows: rows)
        }.sorted { $0.name < $1.name }
    }

    /// PostgreSQL checked every constraint as the dump added it; any left unvalidated is reported.
    func integrityProblems() throws -> [Offender] {
        try loaded.flatMap { name in
            let result = try psql([
                "-d", name, "-A", "-t", "-c",
                "SELECT conrelid::regclass::text || ' ' || conname FROM pg_constraint WHERE NOT convalidated",
            ])
            guard result.status == 0 else {
                throw RestoreCheckError(.io, "psql could not run the check: \(result.errors)")
            }
            let prefix = loaded.count > 1 && name != database ? "\(name)." : ""
            return String(decoding: result.output, as: UTF8.self).split(separator: "\n").map {
                Offender(prefix + String($0), "constraint not validated")
            }
        }
    }

    func stop() {
        guard started else { return }
        started = false
        _ = try? run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asServer: true)
        if let serverPID { SandboxRegistry.shared.unregister(server: serverPID) }
    }

    deinit { stop() }
}
