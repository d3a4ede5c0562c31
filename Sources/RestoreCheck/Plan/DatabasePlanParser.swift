import Foundation
import Yams

/// Parses one entry of a set's `databases:` list, strictly (unknown keys are errors).
struct DatabasePlanParser {
    let reader: PlanNodeReader

    static let keys: Set<String> = [
        "dump", "dialect", "target", "tables", "assert", "fresh", "require_trailer", "databases",
    ]

    func parse(_ node: Node) throws -> DatabasePlan {
        let map = try reader.mapping(node, allowed: Self.keys, context: "a databases entry")
        guard let dumpNode = map["dump"] else {
            throw reader.error(
                node, "a databases entry needs `dump:` (the dump's production path, e.g. /var/backups/db/shop.sql.gz)")
        }
        let path = try reader.string(dumpNode, key: "dump")
        guard path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw reader.error(dumpNode, "`dump` must be an absolute production path without '..', not '\(path)'")
        }
        var plan = DatabasePlan(dump: path)
        plan.line = node.mark?.line
        if let dialect = map["dialect"] {
            let text = try reader.string(dialect, key: "dialect")
            if text != "auto" {
                guard let value = DumpDialect(rawValue: text == "mariadb" ? "mysql" : text) else {
                    throw reader.error(dialect, "unknown dialect '\(text)' (known: auto, sqlite, mysql, postgres)")
                }
                plan.dialect = value
            }
        }
        if let target = map["target"] {
            let text = try reader.string(target, key: "target")
            guard let value = DatabasePlan.Target(rawValue: text == "mysql" ? "mariadb" : text) else {
                throw reader.error(target, "unknown target '\(text)' (known: sqlite, postgres, mariadb)")
            }
            plan.target = value
        }
        if let tables = map["tables"] {
            guard let mapping = tables.mapping else {
                throw reader.error(tables, "`tables` must map table names to { rows: N } or { min_rows: N }")
            }
            for (key, value) in mapping {
                let name = try reader.string(key, key: "tables")
                var rule = DatabasePlan.TableRule(name: name)
                if value.scalar != nil, (value.scalar?.string ?? "").isEmpty || value.scalar?.string == "~" {
                    plan.tables.append(rule)
                    continue
                }
                let fields = try reader.mapping(value, allowed: ["rows", "min_rows"], context: "tables.\(name)")
                rule.rows = try fields["rows"].map { try reader.int($0, key: "tables.\(name).rows") }
                rule.minRows = try fields["min_rows"].map { try reader.int($0, key: "tables.\(name).min_rows") }
                plan.tables.append(rule)
            }
        }
        if let asserts = map["assert"] {
            plan.assertions = try reader.sequence(asserts, key: "assert").enumerated().map {
                try assertion($1, index: $0)
            }
        }
        if let fresh = map["fresh"] {
            let fields = try reader.mapping(fresh, allowed: ["sql", "max_age"], context: "fresh")
            guard let sql = fields["sql"], let maxAge = fields["max_age"] else {
                throw reader.error(fresh, "`fresh` needs `sql:` (returning a timestamp) and `max_age:` (e.g. 2d)")
            }
            plan.freshness = .init(
                sql: try reader.string(sql, key: "fresh.sql"), maxAge: try reader.age(maxAge, key: "fresh.max_age"))
        }
        if let node = map["databases"] {
            plan.databases = try reader.sequence(node, key: "databases").map { try reader.string($0, key: "databases") }
        }
        if let node = map["require_trailer"] {
            switch try reader.string(node, key: "require_trailer") {
            case "true", "yes": plan.requireTrailer = true
            case "false", "no": plan.requireTrailer = false
            default: throw reader.error(node, "`require_trailer` is true or false")
            }
        }
        return plan
    }

    private func assertion(_ node: Node, index: Int) throws -> DatabasePlan.Assertion {
        let map = try reader.mapping(
            node, allowed: ["name", "sql", "equals", "tolerance", "min", "max", "sha256"], context: "an assert entry")
        guard let sqlNode = map["sql"] else { throw reader.error(node, "an assert entry needs `sql:`") }
        let sql = try reader.string(sqlNode, key: "assert.sql")
        let name = try map["name"].map { try reader.string($0, key: "assert.name") } ?? "assert \(index + 1)"
        let expectation: DatabasePlan.Assertion.Expectation
        if let equals = map["equals"] {
            let tolerance = try map["tolerance"].map { node -> Double in
                guard let value = Double(try reader.string(node, key: "tolerance")), value >= 0 else {
                    throw reader.error(node, "`tolerance` must be a number of at least 0")
                }
                return value
            }
            expectation = .equals(try reader.string(equals, key: "assert.equals"), tolerance: tolerance)
        } else if let hash = map["sha256"] {
            let hex = try reader.string(hash, key: "assert.sha256").lowercased()
            guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                throw reader.error(hash, "`sha256` must be 64 hex digits")
            }
            expectation = .sha256(hex)
        } else if map["min"] != nil || map["max"] != nil {
            func number(_ key: String) throws -> Double? {
                try map[key].map { node in
                    guard let value = Double(try reader.string(node, key: key)) else {
                        throw reader.error(node, "`\(key)` must be a number")
                    }
                    return value
                }
            }
            expectation = .range(min: try number("min"), max: try number("max"))
        } else {
            throw reader.error(node, "assert '\(name)' needs one of `equals:`, `min:`/`max:` or `sha256:`")
        }
        return .init(name: name, sql: sql, expectation: expectation)
    }
}
