import Foundation
import Testing

@testable import RestoreCheck

/// The default target in-process: a dump streamed through the line reader, the dialect's
/// translator and the importer into a throwaway SQLite file, then read back.
@Suite struct SQLiteImportTests {
    private func importing(_ dump: String, _ dialect: DumpDialect) throws -> (DumpImportResult, SQLiteDatabase, String)
    {
        let work = TestEnvironment.scratch("import")
        let database = try SQLiteDatabase(path: work + "/t.sqlite")
        let importer = SQLiteDumpImporter(database: database, dialect: dialect)
        return (importer.run(DumpLineReader(source: BytesDumpSource(dump))), database, work)
    }

    private func value(_ database: SQLiteDatabase, _ sql: String) throws -> SQLValue? {
        try database.rows(sql).first?.first
    }

    @Test func aMySQLDumpArrivesWithItsEscapesAndItsRowCount() throws {
        let dump = """
            -- MySQL dump 10.19  Distrib 10.11.19-MariaDB
            CREATE TABLE `t` (
              `id` int(11) NOT NULL,
              `name` varchar(40) DEFAULT NULL,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            INSERT INTO `t` VALUES (1,'it\\'s'),(2,'tab\\there'),(3,NULL);
            -- Dump completed on 2026-11-26  2:10:00
            """
        let (result, database, work) = try importing(dump, .mysql)
        defer { TestEnvironment.remove(work) }
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.rowsInserted == 3)
        #expect(try value(database, "SELECT count(*) FROM t") == .integer(3))
        #expect(try value(database, "SELECT name FROM t WHERE id = 1") == .text(Array("it's".utf8)))
        #expect(try value(database, "SELECT name FROM t WHERE id = 2") == .text(Array("tab\there".utf8)))
        #expect(try value(database, "SELECT name IS NULL FROM t WHERE id = 3") == .integer(1))
    }

    @Test func aPostgresCopyBlockArrivesDecoded() throws {
        let dump = """
            -- PostgreSQL database dump
            CREATE TABLE public.t (
                id integer NOT NULL,
                note text,
                data bytea
            );
            COPY public.t (id, note, data) FROM stdin;
            1\tline\\none\t\\\\x00ff
            2\t\\N\t\\N
            \\.
            -- PostgreSQL database dump complete
            """
        let (result, database, work) = try importing(dump, .postgres)
        defer { TestEnvironment.remove(work) }
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(try value(database, "SELECT count(*) FROM t") == .integer(2))
        #expect(try value(database, "SELECT note FROM t WHERE id = 1") == .text(Array("line\none".utf8)))
        #expect(try value(database, "SELECT hex(data) FROM t WHERE id = 1") == .text(Array("00FF".utf8)))
        #expect(try value(database, "SELECT note IS NULL FROM t WHERE id = 2") == .integer(1))
    }

    /// A statement the engine refuses stops the import at that statement, naming its line.
    @Test func aFailingStatementNamesItsLine() throws {
        let dump = """
            PRAGMA foreign_keys=OFF;
            BEGIN TRANSACTION;
            CREATE TABLE a (x INTEGER PRIMARY KEY);
            INSERT INTO a VALUES(1);
            INSERT INTO a VALUES(1);
            COMMIT;
            """
        let (result, _, work) = try importing(dump, .sqlite)
        defer { TestEnvironment.remove(work) }
        let failure = try #require(result.failure)
        #expect(failure.line == 5, "\(failure)")
        #expect(failure.message.contains("UNIQUE"), "\(failure.message)")
    }

    /// A refused row is named by its line and table, never by its values: reports are kept,
    /// and a dump holds password hashes.
    @Test func aFailingInsertDoesNotQuoteItsRow() throws {
        let dump = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, hash TEXT);
            INSERT INTO users VALUES(1,'$2y$10$secrethashsecrethash');
            INSERT INTO users VALUES(1,'$2y$10$secrethashsecrethash');
            """
        let (result, _, work) = try importing(dump, .sqlite)
        defer { TestEnvironment.remove(work) }
        let failure = try #require(result.failure)
        let said = "\(failure.statement ?? "") \(failure.message)"
        #expect(failure.line == 3)
        #expect(said.contains("users"), "\(said)")
        #expect(!said.contains("secrethash"), "\(said)")
        let shown = SQLiteDumpImporter.excerpt(
            Array("INSERT INTO `users` (`id`, `hash`) VALUES (1,'$2y$10$secret')".utf8))
        #expect(shown == "INSERT INTO `users` (`id`, `hash`) VALUES (…)", "\(shown)")
    }

    /// `-v` asks for the row: the person fixing the dump sees the values that failed.
    @Test(arguments: [false, true])
    func verboseQuotesTheFailingRow(_ verbose: Bool) throws {
        let work = TestEnvironment.scratch("verbose")
        defer { TestEnvironment.remove(work) }
        let dump = """
            BEGIN TRANSACTION;
            CREATE TABLE users (id INTEGER PRIMARY KEY, hash TEXT);
            INSERT INTO users VALUES(1,'$2y$10$secrethashsecrethash');
            INSERT INTO users VALUES(1,'$2y$10$secrethashsecrethash');
            COMMIT;

            """
        let archive = DumpFixture.archive(["/var/backups/db/users.sql": Array(dump.utf8)], in: work)
        try DumpFixture.plan(archive: archive, entries: ["      - dump: /var/backups/db/users.sql"]).write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"] + (verbose ? ["-v"] : []), reports: work + "/r")
        #expect(result.code == 1, "\(result.all)")
        let message = DumpFixture.dbChecks(work + "/r")["import /var/backups/db/users.sql"]?.message ?? ""
        #expect(message.contains("users.sql:4"), "\(message)")
        #expect(message.contains("secrethash") == verbose, "\(message)")
    }

    /// A damaged column type (a `)` that closes nothing) is refused as MariaDB refuses it:
    /// the import fails at that statement, naming its line, and never crashes.
    @Test(arguments: ["`price` decimaloAc2)e", "`price` decimal(10,2))) x", "`price` decimal(10,2"])
    func aDamagedCreateTableFailsAtItsLine(_ column: String) throws {
        let dump = """
            -- MySQL dump 10.19  Distrib 10.11.19-MariaDB
            CREATE TABLE `t` (
              `id` int NOT NULL,
              \(column)
            ) ENGINE=InnoDB;
            INSERT INTO `t` VALUES (1,2.5);
            -- Dump completed on 2026-11-26  2:10:00
            """
        let (result, _, work) = try importing(dump, .mysql)
        defer { TestEnvironment.remove(work) }
        let failure = try #require(result.failure, "a damaged CREATE TABLE must not load")
        #expect(failure.line != nil, "\(failure)")
    }

    /// The MySQL translator gives each column SQLite's affinity and keeps the primary key.
    @Test func theMySQLTranslatorRebuildsTablesForSQLite() {
        var translator = MySQLDumpTranslator()
        let create =
            "CREATE TABLE `p` (`id` bigint unsigned NOT NULL, `price` decimal(10,2), `img` longblob, "
            + "PRIMARY KEY (`id`))"
        guard case .execute(let sql) = translator.action(for: Array(create.utf8)) else {
            Issue.record("CREATE TABLE was not translated")
            return
        }
        #expect(
            sql.contains("\"id\" INTEGER") && sql.contains("\"price\" NUMERIC") && sql.contains("\"img\" BLOB"),
            "\(sql)")
        let function = "CREATE FUNCTION f() RETURNS int RETURN 1"
        if case .notCarried(let kind, let name) = translator.action(for: Array(function.utf8)) {
            #expect(kind == "function" && name == "f")
        } else {
            Issue.record("a function must be reported as not carried, never dropped")
        }
        #expect({ if case .ignore = translator.action(for: Array("SET NAMES utf8mb4".utf8)) { true } else { false } }())
    }

    /// The PostgreSQL translator resolves a domain and an enum to their base types.
    @Test func thePostgresTranslatorResolvesDomainsAndEnums() {
        var translator = PostgresDumpTranslator()
        _ = translator.action(for: Array("CREATE DOMAIN public.year AS integer".utf8))
        _ = translator.action(for: Array("CREATE TYPE public.rating AS ENUM ('G', 'PG')".utf8))
        guard
            case .execute(let sql) = translator.action(
                for: Array("CREATE TABLE public.f (y public.year, r public.rating)".utf8))
        else {
            Issue.record("CREATE TABLE was not translated")
            return
        }
        #expect(sql.contains("\"y\" INTEGER") && sql.contains("\"r\" TEXT"), "\(sql)")
    }
}
