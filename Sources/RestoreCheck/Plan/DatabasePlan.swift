import Foundation

/// One dump the plan names (README: `databases:`), and what must be true once it is restored.
public struct DatabasePlan: Sendable {
    public enum Target: String, Sendable, Codable, CaseIterable {
        /// A SQLite file in the sandbox (embedded, the default).
        case sqlite
        /// A temporary PostgreSQL cluster in the sandbox, on a Unix socket only.
        case postgres
        /// A temporary MariaDB server in the sandbox, with networking off.
        case mariadb
    }

    /// `rows:` exact or `min_rows:` at least; with neither, the table must exist.
    public struct TableRule: Sendable {
        public var name: String
        public var rows: Int?
        public var minRows: Int?
    }

    /// `sql:` whose first value must equal, fall within, or hash to the given value.
    public struct Assertion: Sendable {
        public enum Expectation: Sendable {
            /// Numbers compare as numbers (within 1e-6 relative, or `tolerance`); text as text.
            case equals(String, tolerance: Double?)
            case range(min: Double?, max: Double?)
            /// SHA-256 of the value's bytes: UTF-8 for text, raw for BLOBs.
            case sha256(String)
        }
        public var name: String
        public var sql: String
        public var expectation: Expectation
    }

    /// `sql:` returning a timestamp that must be younger than `max_age` at `--now`.
    public struct Freshness: Sendable {
        public var sql: String
        public var maxAge: TimeInterval
    }

    /// Production path of the dump inside the restored tree.
    public var dump: String
    /// nil: sniffed from the dump.
    public var dialect: DumpDialect?
    public var target: Target = .sqlite
    public var tables: [TableRule] = []
    public var assertions: [Assertion] = []
    public var freshness: Freshness?
    /// `require_trailer: true`: a dump written without its tool's trailer (`--compact`) fails
    /// `complete` instead of warning that it could only be judged on its last statement.
    public var requireTrailer = false
    /// `databases: [shop, blog]`: in a dump of several databases, those that must be there
    /// (system databases such as `mysql` or `postgres` are only required when named).
    public var databases: [String] = []
    /// The plan line, for messages.
    public var line: Int?

    public init(dump: String) { self.dump = dump }
}
