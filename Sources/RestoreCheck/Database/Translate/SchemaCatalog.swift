import Foundation

/// What the import has learnt about the schema: each table's columns with the SQLite affinity
/// they were given, the foreign keys to check once the data is in, PostgreSQL partitions and
/// domain/enum types. Values are bound by this (a BLOB column gets a BLOB, a PostgreSQL
/// boolean `t` becomes 1).
struct SchemaCatalog {
    enum Affinity: String, Sendable {
        case integer = "INTEGER"
        case real = "REAL"
        case numeric = "NUMERIC"
        case text = "TEXT"
        case blob = "BLOB"
    }

    struct Column: Sendable {
        var name: String
        var affinity: Affinity
        var isBoolean = false
        /// PostgreSQL's `NOT NULL` (without a default that would fill it): kept in SQLite.
        var notNull = false
        /// What PostgreSQL accepts here, checked on every value bound.
        var check: ValueCheck?
    }

    struct Table: Sendable {
        var name: String
        var columns: [Column]
        var isPartitioned = false
    }

    /// `FOREIGN KEY (columns) REFERENCES parent (parentColumns)` on `table`, checked after the
    /// data is in (the dumps load children before parents, so SQLite's own enforcement is off).
    struct ForeignKey: Sendable, Equatable {
        var name: String?
        var table: String
        var columns: [String]
        var parent: String
        var parentColumns: [String]
    }

    private(set) var tables: [String: Table] = [:]
    var foreignKeys: [ForeignKey] = []
    /// Partitioned parent → its partitions, in the order they were attached.
    var partitions: [String: [String]] = [:]
    /// Domain and enum names (lower-cased, schema dropped) → the base type's text.
    var domains: [String: String] = [:]
    /// Enum type names (lower-cased, schema dropped) → their labels.
    var enums: [String: Set<String>] = [:]

    mutating func add(_ table: Table) { tables[table.name.lowercased()] = table }
    mutating func remove(_ name: String) { tables[name.lowercased()] = nil }

    /// A table renamed, with every foreign key and partition list that names it.
    mutating func rename(_ old: String, to new: String) {
        guard var table = tables.removeValue(forKey: old.lowercased()) else { return }
        table.name = new
        tables[new.lowercased()] = table
        for index in foreignKeys.indices {
            if foreignKeys[index].table.lowercased() == old.lowercased() { foreignKeys[index].table = new }
            if foreignKeys[index].parent.lowercased() == old.lowercased() { foreignKeys[index].parent = new }
        }
        if let children = partitions.removeValue(forKey: old.lowercased()) { partitions[new.lowercased()] = children }
        for key in partitions.keys {
            partitions[key] = partitions[key]?.map { $0.lowercased() == old.lowercased() ? new : $0 }
        }
    }
    func table(_ name: String) -> Table? { tables[name.lowercased()] }

    /// The affinity SQLite should store a column of this declared type with, following
    /// SQLite's own rules but knowing the other engines' type names (`bytea`, `text[]`,
    /// `interval`, `timestamp with time zone`, `tinyint(1)` …).
    func affinity(of declared: String) -> (Affinity, isBoolean: Bool) {
        var type = declared.lowercased().trimmingCharacters(in: .whitespaces)
        if type.hasPrefix("public.") { type.removeFirst("public.".count) }
        let unquoted = type.replacingOccurrences(of: "\"", with: "")
        if let base = domains[unquoted] { return affinity(of: base) }
        if type.hasSuffix("[]") || type.hasPrefix("_") { return (.text, false) }
        if type.hasPrefix("bool") { return (.integer, true) }
        for word in [
            "interval", "point", "json", "uuid", "enum", "set(", "char", "text", "clob", "xml", "tsvector",
            "inet", "cidr", "macaddr", "date", "time", "year",
        ] where type.contains(word) {
            return (.text, false)
        }
        if type.contains("int") || type == "serial" || type == "bigserial" || type == "smallserial" || type == "bit" {
            return (.integer, false)
        }
        for word in ["bytea", "blob", "binary"] where type.contains(word) { return (.blob, false) }
        for word in ["real", "floa", "doub"] where type.contains(word) { return (.real, false) }
        for word in ["numeric", "decimal", "money", "number"] where type.contains(word) { return (.numeric, false) }
        return (.text, false)
    }
}
