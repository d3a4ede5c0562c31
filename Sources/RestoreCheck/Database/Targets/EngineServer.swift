import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real database server restorecheck starts for `target: postgres | mariadb`: its data
/// directory and Unix socket live in the sandbox, it never opens a TCP port, and it is
/// stopped (and registered to be killed on SIGINT) whatever happens.
protocol EngineServer: RestoredDatabase {
    func start() throws
    /// Loads the dump `name` into the server.
    func load(_ input: EngineInput, dialect: DumpDialect, name: String) throws -> DumpImportResult
    func stop()
}

/// What an engine loads: SQL text streamed to its client, or a pg_dump custom archive that
/// pg_restore reads from the descriptor (closed when the input is let go).
enum EngineInput {
    case sql(DumpLineReader)
    /// A pg_dump archive of any form, for pg_restore.
    case pgArchive(PgArchiveInput)
}

/// A plan whose `target:` cannot take the dump it names: the plan is wrong (exit 78), not
/// the backup, so the run stops with a message that says which target would.
func targetMismatch(_ target: String, accepts: String, dump: String, dialect: DumpDialect) -> RestoreCheckError {
    let fitting: String
    switch dialect {
    case .mysql: fitting = "mariadb"
    case .postgres: fitting = "postgres"
    case .sqlite: fitting = "sqlite"
    }
    return RestoreCheckError(
        .plan,
        "the plan's `target: \(target)` restores \(accepts) dumps, but \(dump) is a \(dialect.rawValue) dump "
            + "(use target: \(fitting), or sqlite)")
}

extension EngineServer {
    /// Streams every line to `child`'s standard input while the scanner judges the dump's
    /// end; a client that stops early (an error) only stops the writing, not the scan.
    /// `rewrite` may replace a line before the client sees it (the one harmless statement a
    /// fresh server refuses); the replacement keeps the line count, so errors keep their lines.
    func stream(
        _ lines: DumpLineReader, to child: ChildProcess, dialect: DumpDialect,
        rewrite: (UnsafeBufferPointer<UInt8>) -> [UInt8]? = { _ in nil }
    ) throws -> (DumpImportResult, DumpStreamScanner) {
        var result = DumpImportResult(dialect: dialect)
        var scanner = DumpStreamScanner(dialect: dialect)
        let started = Date()
        let fd = child.inputFD!
        var writing = true
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 16)
        do {
            while try lines.nextLine({ line in
                try scanner.scan(line, number: lines.lineNumber)
                guard writing else { return }
                if let replacement = rewrite(line) {
                    pending.append(contentsOf: replacement)
                } else {
                    pending.append(contentsOf: line)
                }
                pending.append(0x0A)
                if pending.count >= 1 << 16 {
                    writing = pending.withUnsafeBytes { writeAll(fd, $0) }
                    pending.removeAll(keepingCapacity: true)
                }
            }) {
                try Interruption.check()
            }
        } catch let error as RestoreCheckError where error.kind == .interrupted {
            throw error
        } catch let tooLong as DumpLineReader.LineTooLong {
            result.failure = .init(
                line: tooLong.line, statement: nil, message: SQLiteDumpImporter.beyondLimit(tooLong), beyondLimit: true)
        } catch {
            result.failure = .init(line: lines.lineNumber, statement: nil, message: "the dump cannot be read: \(error)")
        }
        if writing && !pending.isEmpty { _ = pending.withUnsafeBytes { writeAll(fd, $0) } }
        child.closeInput()
        let verdict = scanner.finish(lastLine: lines.lineNumber)
        result.complete = verdict.complete && result.failure == nil
        result.incompleteReason =
            verdict.reason ?? (result.failure == nil ? nil : "the dump could not be read to its end")
        result.trailerUnchecked = verdict.unchecked && result.failure == nil
        result.databases = scanner.databases
        result.statements = scanner.statements
        result.lines = lines.lineNumber
        result.bytes = lines.bytesRead
        result.seconds = Date().timeIntervalSince(started)
        return (result, scanner)
    }

    /// `psql:<stdin>:123: ERROR: …` / `ERROR 1064 (42000) at line 12: …` → 123 / 12.
    static func errorLine(_ text: String) -> Int? {
        for pattern in [":<stdin>:", " at line "] {
            guard let range = text.range(of: pattern) else { continue }
            let digits = text[range.upperBound...].prefix { $0.isNumber }
            if let line = Int(digits) { return line }
        }
        return nil
    }

    /// Waits until `ready` holds, or the process died, or `seconds` passed.
    static func wait(seconds: Double, process: ChildProcess?, until ready: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if ready() { return true }
            if let process, !process.isRunning { return false }
            usleep(100_000)
        }
        return ready()
    }
}

/// Runs a server program as another user when restorecheck runs as root (PostgreSQL refuses
/// root), through util-linux's `runuser`.
enum EngineUser {
    static var isRoot: Bool { geteuid() == 0 }

    /// `program` run as `user` (when we are root) with `setpriv`, which execs it in place: the
    /// pid we hold is the server's own, so stopping it (or a later sweep) reaches the server.
    static func exec(_ program: String, _ arguments: [String], as user: String?) -> (String, [String]) {
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard isRoot, let user, let setpriv else { return (program, arguments) }
        return (setpriv, ["--reuid=\(user)", "--regid=\(user)", "--init-groups", "--", program] + arguments)
    }

    static func command(_ program: String, _ arguments: [String], as user: String?) -> (String, [String]) {
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard isRoot, let user, let runuser else { return (program, arguments) }
        return (runuser, ["-u", user, "--", program] + arguments)
    }

    /// The first directory on the way to `path` that `user` may not pass through, if any.
    static func blockedDirectory(on path: String, for user: String) -> String? {
        guard isRoot, let entry = getpwnam(user) else { return nil }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            var info = stat()
            guard stat(current, &info) == 0 else { return nil }
            let mode = info.st_mode
            let allowed =
                info.st_uid == uid
                ? mode & S_IXUSR != 0 : (info.st_gid == gid ? mode & S_IXGRP != 0 : mode & S_IXOTH != 0)
            if !allowed { return current }
        }
        return nil
    }

    /// Makes `path` the user's, so the server can write its data there.
    static func give(_ path: String, to user: String) {
        guard isRoot, let entry = getpwnam(user) else { return }
        chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid)
    }
}
