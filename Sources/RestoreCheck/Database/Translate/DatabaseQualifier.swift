/// Names tables in dumps of several databases (`mysqldump --databases`/`--all-databases`,
/// `pg_dumpall`): once a dump selects a database (`USE shop`, `\connect shop`) its tables are
/// `shop.customers` in the one SQLite file, so two databases' `posts` stay two tables. A dump
/// that turns out to hold one database's tables gets its bare names back at the end.
struct DatabaseQualifier {
    /// The database the dump is in now.
    private(set) var current: String?
    /// Databases that created tables, in order.
    private(set) var withTables: [String] = []

    mutating func use(_ database: String) { current = database }

    /// `table` (already without its PostgreSQL `public.`) in the current database.
    func qualify(_ table: String, database: String? = nil) -> String {
        guard let database = database ?? current else { return table }
        return "\(database).\(table)"
    }

    /// Records that the current database (or `database`) holds a table.
    mutating func created(in database: String? = nil) {
        guard let database = database ?? current, !withTables.contains(database) else { return }
        withTables.append(database)
    }

    /// The renames back to bare names when exactly one database held tables: SQL to run and
    /// the catalog updated to match (foreign keys and partitions included).
    func bareNames(_ catalog: inout SchemaCatalog) -> (sql: [String], renamed: [String: String]) {
        guard withTables.count == 1, let database = withTables.first else { return ([], [:]) }
        let prefix = database.lowercased() + "."
        var sql: [String] = []
        var renamed: [String: String] = [:]
        for table in catalog.tables.values.sorted(by: { $0.name < $1.name })
        where table.name.lowercased().hasPrefix(prefix) {
            let bare = String(table.name.dropFirst(prefix.count))
            sql.append("ALTER TABLE \(quoteIdentifier(table.name)) RENAME TO \(quoteIdentifier(bare))")
            catalog.rename(table.name, to: bare)
            renamed[table.name.lowercased()] = bare
        }
        return (sql, renamed)
    }
}
