import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway MariaDB: `mariadb-install-db` into the sandbox, `mariadbd --skip-networking`
/// with its socket and data there, the dump loaded with the `mariadb` client, stopped at the end.
final class MariaDBServer: EngineServer {
    let directory: String
    private let data: String
    private let socket: String
    private var server: ChildProcess?
    private var database = "restorecheck"
    /// The databases the dump used (`USE`), in order; empty for a one-database dump.
    private var databases: [String] = []
    private let tools: [String: String]
    var engine: String { "MariaDB" }

    init(directory: String) throws {
        self.directory = directory
        data = directory + "/data"
        socket = directory + "/mysqld.sock"
        var found: [String: String] = [:]
        for (name, package) in [
            ("mariadbd", "mariadb-server"), ("mariadb-install-db", "mariadb-server"), ("mariadb", "mariadb-client"),
        ] {
            guard let path = ToolLocator.find(name) else { throw ToolLocator.missing(name, package: package) }
            found[name] = path
        }
        tools = found
    }

    /// The service user the server runs as when we are root: never root itself, since
    /// `mariadb-install-db --user=root` chowns and chmods files of the host (its PAM helper).
    private let user = "mysql"
    /// Temporary tables and sort files go here, not to /tmp.
    private var temporary: String { directory + "/tmp" }

    func start() throws {
        if let blocked = EngineUser.blockedDirectory(on: (directory as NSString).deletingLastPathComponent, for: user) {
            throw RestoreCheckError(
                .io,
                "the MariaDB server runs as user \(user), who cannot pass through \(blocked); give --scratch a "
                    + "directory it can reach (such as /tmp)")
        }
        for path in [directory, temporary] {
            mkdir(path, 0o700)
            EngineUser.give(path, to: user)
        }
        let (installer, installArguments) = EngineUser.exec(
            tools["mariadb-install-db"]!,
            [
                "--no-defaults", "--datadir=\(data)", "--auth-root-authentication-method=normal",
                "--skip-test-db", "--tmpdir=\(temporary)",
            ], as: user)
        let install = try ChildProcess.run(installer, installArguments, stderrPath: "\(directory)/install.err")
        guard install.status == 0 else {
            throw RestoreCheckError(.io, "mariadb-install-db failed (status \(install.status)): \(install.errors)")
        }
        let (program, arguments) = EngineUser.exec(
            tools["mariadbd"]!,
            [
                "--no-defaults", "--datadir=\(data)", "--socket=\(socket)", "--skip-networking",
                "--pid-file=\(directory)/mysqld.pid", "--log-error=\(directory)/server.log",
                "--tmpdir=\(temporary)", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
                "--innodb-flush-log-at-trx-commit=0", "--skip-log-bin", "--innodb-buffer-pool-size=64M",
            ], as: user)
        let child = ChildProcess(program, arguments, stderrPath: "\(directory)/mariadbd.err")
        try child.start()
        server = child
        SandboxRegistry.shared.register(server: child.pid)
        let ready = Self.wait(seconds: 60, process: child) { (try? self.client(["-e", "SELECT 1"]).status) == 0 }
        guard ready else {
            let log =
                (try? String(contentsOfFile: "\(directory)/server.log", encoding: .utf8))?.split(separator: "\n")
                .suffix(3).joined(separator: " | ") ?? ""
            throw RestoreCheckError(.io, "the MariaDB server did not start: \(log)")
        }
        let create = try client(["-e", "CREATE DATABASE \(database)"])
        guard create.status == 0 else {
            throw RestoreCheckError(.io, "cannot create the restore database: \(create.errors)")
        }
    }

    private func client(_ arguments: [String], useDatabase: Bool = false) throws -> (
        status: Int32, output: [UInt8], errors: String
    ) {
        try ChildProcess.run(
            tools["mariadb"]!,
            ["--no-defaults", "-uroot", "--socket=\(socket)", "--default-character-set=utf8mb4"]
                + arguments + (useDatabase ? [database] : []), stderrPath: "\(directory)/client.err")
    }

    func load(_ input: EngineInput, dialect: DumpDialect, name: String) throws -> DumpImportResult {
        guard dialect == .mysql, case .sql(let lines) = input else {
            throw targetMismatch("mariadb", accepts: "mysqldump / mariadb-dump", dump: name, dialect: dialect)
        }
        let child = ChildProcess(
            tools["mariadb"]!,
            [
                "--no-defaults", "-uroot", "--socket=\(socket)", "--default-character-set=utf8mb4",
                // What mysqldump's own header sets, which `--compact` leaves out: tables come in
                // name order, so a foreign key may name a table created later.
                "--init-command=SET FOREIGN_KEY_CHECKS=0", "--binary-mode", database,
            ], stderrPath: "\(directory)/load.err")
        try child.start(feedInput: true)
        var (result, scanner) = try stream(lines, to: child, dialect: .mysql)
        let status = child.wait()
        if status != 0 && result.failure == nil {
            let errors = child.firstError()
            result.failure = .init(
                line: Self.errorLine(errors), statement: nil,
                message: "the mariadb client stopped (status \(status)): \(errors)")
        }
        // A `--databases` / `--all-databases` dump creates and uses its own databases: assertions
        // run in the first, tables are counted in all.
        if let used = scanner.firstDatabase { database = used }
        databases = scanner.databases
        return result
    }

    /// The value as the bytes of its text (HEX of a BINARY cast), so BLOBs, tabs and newlines arrive exact.
    func firstValue(_ sql: String) throws -> SQLValue? {
        let inner = sql.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(
            in: CharacterSet(charactersIn: ";"))
        let result = try client(
            ["-N", "-B", "-e", "SELECT HEX(CAST((\(inner)) AS BINARY)), (\(inner)) IS NULL"], useDatabase: true)
        guard result.status == 0 else { throw RestoreCheckError(.io, result.errors) }
        let text = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .newlines)
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 2 else { return nil }
        if fields[1] == "1" { return .null }
        guard let bytes = Hex(hex: Substring(fields[0]))?.bytes else { return nil }
        return InsertParser.textOrBlob(bytes)
    }

    /// Base tables of every database the dump loaded, named `db.table` when several hold tables.
    func tableCounts() throws -> [TableCount] {
        var found: [(database: String, tables: [TableCount])] = []
        for name in databases.isEmpty ? [database] : databases {
            let tables = try tableCounts(in: name)
            if !tables.isEmpty { found.append((name, tables)) }
        }
        guard found.count > 1 else { return found.first?.tables ?? [] }
        return found.flatMap { entry in
            entry.tables.map { TableCount(name: "\(entry.database).\($0.name)", rows: $0.rows) }
        }.sorted { $0.name < $1.name }
    }

    private func tableCounts(in schema: String) throws -> [TableCount] {
        let list = try client([
            "-N", "-B", "-e",
            "SELECT table_name FROM information_schema.tables WHERE table_schema = '\(schema.replacingQuotes)' AND "
                + "table_type = 'BASE TABLE' ORDER BY 1",
        ])
        guard list.status == 0 else {
            throw RestoreCheckError(.io, "the mariadb client could not list the tables: \(list.errors)")
        }
        let names = String(decoding: list.output, as: UTF8.self).split(separator: "\n").map(String.init)
        guard !names.isEmpty else { return [] }
        let union = names.map {
            "SELECT '\($0.replacingQuotes)', COUNT(*) FROM \(Self.quoted(schema)).\(Self.quoted($0))"
        }.joined(separator: " UNION ALL ")
        let counts = try client(["-N", "-B", "-e", union])
        guard counts.status == 0 else {
            throw RestoreCheckError(.io, "the mariadb client could not count the rows: \(counts.errors)")
        }
        return String(decoding: counts.output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let rows = Int(parts[1]) else { return nil }
            return TableCount(name: String(parts[0]), rows: rows)
        }.sorted { $0.name < $1.name }
    }

    static func quoted(_ name: String) -> String { "`\(name.replacingOccurrences(of: "`", with: "``"))`" }

    /// `CHECK TABLE` on every table: the engine's own check.
    func integrityProblems() throws -> [Offender] {
        var list: [String] = []
        for name in databases.isEmpty ? [database] : databases {
            list += try tableCounts(in: name).map { "\(Self.quoted(name)).\(Self.quoted($0.name))" }
        }
        guard !list.isEmpty else { return [] }
        let result = try client(["-N", "-B", "-e", "CHECK TABLE \(list.joined(separator: ", "))"])
        guard result.status == 0 else { throw RestoreCheckError(.io, "CHECK TABLE could not run: \(result.errors)") }
        return String(decoding: result.output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 4, parts[2] == "error" || (parts[2] == "status" && parts[3] != "OK") else {
                return nil
            }
            return Offender(parts[0], parts[3])
        }
    }

    func stop() {
        guard let server else { return }
        self.server = nil
        server.terminate()
        if !Self.wait(seconds: 20, process: nil, until: { !server.isRunning }) { kill(server.pid, SIGKILL) }
        server.wait()
        SandboxRegistry.shared.unregister(server: server.pid)
    }

    deinit { stop() }
}
