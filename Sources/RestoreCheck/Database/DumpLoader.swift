import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Loading one dump into its target: SQL text through the importer (SQLite) or the engine's
/// client, every pg_dump archive form through pg_restore.
extension DatabaseVerifier {
    /// `sql` is the dump's bytes, decompressed (nil for a directory archive): SQL text goes to
    /// the importer or the engine's client, a pg_dump archive to pg_restore.
    func restore(
        _ plan: DatabasePlan, format: DumpFormat, dialect: DumpDialect, number: Int,
        sql: DumpByteSource?
    ) throws -> (result: DumpImportResult, database: RestoredDatabase) {
        let work = sandbox.path + "/db"
        mkdir(work, 0o700)
        switch plan.target {
        case .postgres where dialect != .postgres:
            throw targetMismatch("postgres", accepts: "pg_dump", dump: plan.dump, dialect: dialect)
        case .mariadb where dialect != .mysql || format.isPgArchive:
            throw targetMismatch("mariadb", accepts: "mysqldump / mariadb-dump", dump: plan.dump, dialect: dialect)
        default: break
        }
        // A directory is read in place (its files checked to be regular, none a link); a
        // stream is fed decompressed, so a `.dump.gz` reads like a `.dump`.
        let archive: PgArchiveInput? =
            format == .pgDirectory
            ? .directory(diskRoot + plan.dump) : (format.isPgArchive ? sql.map { .stream(DumpFeeder($0)) } : nil)
        if plan.target != .sqlite {
            let server = try startServer(
                plan.target, directory: "\(work)/\(plan.target.rawValue)-\(number)", work: work)
            let input: EngineInput
            if let archive {
                input = .pgArchive(archive)
            } else if let sql {
                input = .sql(DumpLineReader(source: sql, maxLineBytes: maxStatementBytes))
            } else {
                throw RestoreCheckError(.io, "nothing to read", path: plan.dump)
            }
            return (try server.load(input, dialect: dialect, name: plan.dump), server)
        }
        var pgRestore: ChildProcess?
        let source: DumpByteSource
        if let archive {
            guard let program = ToolLocator.find("pg_restore") else {
                throw ToolLocator.missing("pg_restore", package: "postgresql-client")
            }
            let child = ChildProcess(
                program, ["-f", "-"] + archive.arguments, stderrPath: "\(work)/pg_restore-\(number).err")
            do {
                // Our copy of the pipe's read end closes here (see PostgresServer.load).
                let input = try archive.standardInput()
                try child.start(captureOutput: true, inputFrom: input)
            }
            pgRestore = child
            source = PipeDumpSource(fd: child.outputFD!)
        } else if let sql {
            source = sql
        } else {
            throw RestoreCheckError(.io, "nothing to read", path: plan.dump)
        }
        let lines = DumpLineReader(source: source, maxLineBytes: maxStatementBytes)
        let database = try SQLiteDatabase(path: "\(work)/\(number).sqlite")
        let importer = SQLiteDumpImporter(database: database, dialect: dialect, maxStatementBytes: maxStatementBytes)
        if let progress { importer.progress = { progress(plan.dump, $0) } }
        importer.showValues = showValues
        var result = importer.run(lines)
        if let child = pgRestore {
            // Drain what is left so pg_restore can finish, then judge its own verdict.
            try lines.drain()
            let status = child.wait()
            let feedError = archive?.feedError
            if status != 0 || feedError != nil {
                result.complete = false
                result.incompleteReason = "pg_restore could not read the whole archive"
                // pg_restore's own error (or the compression's) is the cause of whatever the
                // partial output did.
                result.failure = .init(
                    line: nil, statement: nil,
                    message: status != 0
                        ? "pg_restore exited with status \(status): \(child.errorText())"
                        : "the archive could not be read to its end: \(feedError ?? "")")
            }
        }
        return (result, SQLiteRestoredDatabase(database: database, foreignKeys: importer.foreignKeys))
    }

    private func startServer(_ target: DatabasePlan.Target, directory: String, work: String) throws -> EngineServer {
        let server: EngineServer
        // The server runs as its service user (`postgres`, `mysql`): it may pass through the
        // sandbox, never into root/.
        chmod(sandbox.path, 0o711)
        chmod(sandbox.rootPath, 0o700)
        chmod(work, 0o711)
        if target == .postgres {
            server = try PostgresServer(directory: directory)
        } else {
            server = try MariaDBServer(directory: directory)
        }
        servers.append(server)
        try server.start()
        return server
    }

    /// Why a directory named as a dump is not a `pg_dump -Fd` archive pg_restore may read, or
    /// nil when it is: a `toc.dat` that starts `PGDMP`, and regular files only (pg_restore
    /// would follow a link out of the sandbox).
    func pgDirectoryProblem(_ dump: String) -> String? {
        guard let toc = index.entry(productionPath: dump + "/toc.dat"), toc.type == .file, toc.restored,
            reader.contains(dump + "/toc.dat", Array("PGDMP".utf8)) == true
        else {
            return "is a directory but not a pg_dump -Fd archive (it holds no toc.dat starting PGDMP)"
        }
        // pg_restore opens each table's file by the name toc.dat gives it, joined to the
        // directory: a name climbing out would be read from the host.
        if reader.contains(dump + "/toc.dat", Array("../".utf8)) != false {
            return "(a pg_dump -Fd archive) has a toc.dat naming a path with ../, which pg_restore would read outside "
                + "the archive; it is not read"
        }
        for entry in index.entries where entry.productionPath.hasPrefix(dump + "/") {
            guard entry.type == .file, entry.restored else {
                return
                    "(a pg_dump -Fd archive) holds \(entry.productionPath), a \(entry.type.rawValue) pg_restore would "
                    + "follow or trip on; it is not read"
            }
        }
        return nil
    }
}
