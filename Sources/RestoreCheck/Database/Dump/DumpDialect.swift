/// Which SQL a dump speaks, and so how it is split, translated and judged complete.
public enum DumpDialect: String, Codable, Sendable, CaseIterable {
    /// `sqlite3 db .dump`.
    case sqlite
    /// `mysqldump` / `mariadb-dump`.
    case mysql
    /// `pg_dump` plain format (also what `pg_restore -f -` prints for a custom archive).
    case postgres

    /// The comment line the engine's dump tool writes last, when the dump finished.
    var trailer: String? { trailers.first }

    /// Every such line (pg_dumpall ends with its own).
    var trailers: [String] {
        switch self {
        case .mysql: return ["-- Dump completed"]
        case .postgres: return ["-- PostgreSQL database dump complete", "-- PostgreSQL database cluster dump complete"]
        case .sqlite: return [] // a `.dump` ends with its COMMIT instead
        }
    }

    /// The comment the tool writes first when it writes comments at all: a dump with none
    /// (`mysqldump --compact`, `--skip-comments`) was never going to carry a trailer.
    var headers: [String] {
        switch self {
        case .mysql: return ["-- MySQL dump", "-- MariaDB dump"]
        case .postgres: return ["-- PostgreSQL database dump", "-- PostgreSQL database cluster dump"]
        case .sqlite: return []
        }
    }
}

/// What a file found in the backup is, judged from its first bytes.
public enum DumpFormat: String, Codable, Sendable {
    /// Read by pg_restore, not as SQL text: every pg_dump archive form.
    var isPgArchive: Bool { self == .pgCustom || self == .pgTar || self == .pgDirectory }

    /// As the person who made it would call it.
    var toolForm: String? {
        switch self {
        case .pgCustom: return "pg_dump -Fc"
        case .pgTar: return "pg_dump -Ft"
        case .pgDirectory: return "pg_dump -Fd"
        case .sql, .sqliteDatabase: return nil
        }
    }

    /// SQL text (maybe compressed) in one of the dialects.
    case sql
    /// A `pg_dump -Fc` archive (`PGDMP` magic), read through `pg_restore -f -`.
    case pgCustom = "pg_custom"
    /// A `pg_dump -Ft` tar archive (its first member is `toc.dat`), read through pg_restore.
    case pgTar = "pg_tar"
    /// A `pg_dump -Fd` directory (a `toc.dat` and one file per table), read through pg_restore.
    case pgDirectory = "pg_directory"
    /// A SQLite database file, checked in place.
    case sqliteDatabase = "sqlite_database"
}

/// Tells the dialect of a SQL dump from its first few kilobytes: the dump tools sign their
/// output (`-- MySQL dump`, `-- MariaDB dump`, `-- PostgreSQL database dump`), and the
/// statements give it away when the header was trimmed.
enum DialectSniffer {
    static func sniff(_ head: [UInt8]) -> DumpDialect? {
        let text = String(decoding: head, as: UTF8.self)
        // Signatures at the start of a line, in the order they appear: a value deep in the
        // data that merely holds such text cannot decide.
        let signatures: [(String, DumpDialect)] = [
            ("-- MySQL dump", .mysql), ("-- MariaDB dump", .mysql), ("/*M!999999", .mysql), ("/*!40101 SET", .mysql),
            ("LOCK TABLES `", .mysql), ("-- PostgreSQL database dump", .postgres), ("\\restrict ", .postgres),
            ("SET standard_conforming_strings", .postgres), ("SELECT pg_catalog.set_config", .postgres),
            ("PRAGMA foreign_keys=OFF;", .sqlite), ("BEGIN TRANSACTION;", .sqlite),
        ]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(200) {
            if let match = signatures.first(where: { line.hasPrefix($0.0) }) { return match.1 }
        }
        if text.contains("ENGINE=") || text.contains("` (") { return .mysql }
        if text.contains("COPY ") && text.contains(" FROM stdin;") { return .postgres }
        if text.contains("CREATE TABLE") || text.contains("INSERT INTO") { return .sqlite }
        return nil
    }

    /// The binary formats, by magic bytes.
    static func format(_ head: [UInt8]) -> DumpFormat {
        if head.starts(with: Array("PGDMP".utf8)) { return .pgCustom }
        if head.count >= 512, head.starts(with: Array("toc.dat\0".utf8)),
            head[257..<262].elementsEqual("ustar".utf8)
        {
            return .pgTar
        }
        if head.starts(with: Array("SQLite format 3\0".utf8)) { return .sqliteDatabase }
        return .sql
    }
}
