import Foundation
import Yams

/// Parses one entry of `sets:` (source, layout, manifest, schedule, limits, expect).
struct BackupSetParser {
    let reader: PlanNodeReader

    static let setKeys: Set<String> = [
        "name", "source", "layout", "manifest", "schedule", "max_age", "limits", "expect", "databases", "retention",
        "ignore",
    ]
    static let ruleKeys: Set<String> = [
        "path", "glob", "type", "target", "mode", "owner", "group", "uid", "gid",
        "min_count", "min_size", "contains",
    ]

    func parse(_ node: Node, index: Int) throws -> BackupSetPlan {
        let map = try reader.mapping(node, allowed: Self.setKeys, context: "sets[\(index)]")
        guard let nameNode = map["name"] else { throw reader.error(node, "sets[\(index)] has no `name:`") }
        let name = try reader.string(nameNode, key: "name")
        guard SetName.isSafe(name) else {
            throw reader.error(
                nameNode, "set name '\(name)' may only hold letters, digits, '-', '_' and '.', and not be only dots")
        }
        guard !SetName.reserved.contains(name) else {
            throw reader.error(nameNode, "set name '\(name)' is taken: the report directory keeps its own '\(name)'")
        }
        var set = BackupSetPlan(name: name)
        try reader.collect {
            if let source = map["source"] {
                let fields = try reader.mapping(source, allowed: ["archive", "latest", "pattern"], context: "source")
                set.source.archive = try fields["archive"].map { try reader.path($0, key: "source.archive") }
                set.source.latest = try fields["latest"].map { try reader.path($0, key: "source.latest") }
                set.source.pattern = try fields["pattern"].map { try reader.string($0, key: "source.pattern") }
                if set.source.archive != nil && set.source.latest != nil {
                    throw reader.error(source, "`source:` takes `archive:` or `latest:`, not both")
                }
            }
        }
        try reader.collect {
            if let layout = map["layout"] {
                let fields = try reader.mapping(
                    layout, allowed: ["prefix", "strip_components", "live"], context: "layout")
                if let live = fields["live"] { set.layout.live = try reader.path(live, key: "layout.live") }
                if let prefix = fields["prefix"] {
                    let text = try reader.string(prefix, key: "layout.prefix")
                    guard text.hasPrefix("/"), !text.split(separator: "/").contains("..") else {
                        throw reader.error(prefix, "`layout.prefix` must be an absolute production path without '..'")
                    }
                    set.layout.prefix = text
                }
                if let strip = fields["strip_components"] {
                    set.layout.stripComponents = try reader.int(strip, key: "layout.strip_components")
                }
            }
        }
        try reader.collect {
            if let manifest = map["manifest"] {
                let text = try reader.string(manifest, key: "manifest")
                switch text {
                case "auto": set.manifest = .auto
                case "none": set.manifest = .none
                default: set.manifest = .file(try reader.path(manifest, key: "manifest"))
                }
            }
        }
        try reader.collect {
            if let schedule = map["schedule"] {
                let text = try reader.string(schedule, key: "schedule")
                guard let age = Schedule.maxAges[text] else {
                    let known = Schedule.maxAges.keys.sorted().joined(separator: ", ")
                    throw reader.error(schedule, "unknown schedule '\(text)' (known: \(known)); or use max_age: 26h)")
                }
                set.schedule = text
                set.maxAge = age
            }
        }
        try reader.collect {
            if let maxAge = map["max_age"] { set.maxAge = try reader.age(maxAge, key: "max_age") }
        }
        try reader.collect {
            if let limits = map["limits"] {
                let fields = try reader.mapping(
                    limits,
                    allowed: [
                        "max_bytes", "max_entry_bytes", "max_entries", "max_ratio", "max_seconds", "stall_seconds",
                        "max_memory", "max_statement_bytes",
                    ], context: "limits")
                if let n = fields["max_seconds"] {
                    set.limits.maxSeconds = try reader.age(n, key: "limits.max_seconds")
                }
                if let n = fields["stall_seconds"] {
                    set.limits.stallSeconds = try reader.age(n, key: "limits.stall_seconds")
                }
                if let n = fields["max_memory"] { set.limits.maxMemory = try reader.bytes(n, key: "limits.max_memory") }
                if let n = fields["max_statement_bytes"] {
                    let bytes = try reader.bytes(n, key: "limits.max_statement_bytes")
                    guard bytes >= 1 << 16, bytes <= 1 << 40 else {
                        throw reader.error(n, "`limits.max_statement_bytes` must be between 64KiB and 1TiB")
                    }
                    set.limits.maxStatementBytes = Int(bytes)
                }
                if let n = fields["max_bytes"] { set.limits.maxBytes = try reader.bytes(n, key: "limits.max_bytes") }
                if let n = fields["max_entry_bytes"] {
                    set.limits.maxEntryBytes = try reader.bytes(n, key: "limits.max_entry_bytes")
                }
                if let n = fields["max_entries"] {
                    set.limits.maxEntries = try reader.int(n, key: "limits.max_entries", minimum: 1)
                }
                if let n = fields["max_ratio"] {
                    guard let ratio = Double(try reader.string(n, key: "limits.max_ratio")), ratio > 1 else {
                        throw reader.error(n, "`limits.max_ratio` must be a number above 1")
                    }
                    set.limits.maxRatio = ratio
                }
            }
        }
        if let expect = map["expect"] {
            for node in try reader.sequence(expect, key: "expect") {
                try reader.collect {
                    if node.mapping?["preset"] != nil {
                        set.presets.append(try PresetParser(reader: reader).parse(node))
                    } else {
                        set.expect.append(try parseRule(node))
                    }
                }
            }
        }
        try reader.collect {
            if let ignore = map["ignore"] {
                set.ignore = try reader.sequence(ignore, key: "ignore").map { try reader.string($0, key: "ignore") }
            }
        }
        try reader.collect {
            if let retention = map["retention"] {
                let fields = try reader.mapping(
                    retention, allowed: ["min_copies", "max_shrink", "covers", "max_gap"], context: "retention")
                if let n = fields["min_copies"] {
                    set.retention.minCopies = try reader.int(n, key: "retention.min_copies", minimum: 1)
                }
                if let n = fields["max_shrink"] {
                    let text = try reader.string(n, key: "retention.max_shrink")
                    let number = Double(text.hasSuffix("%") ? String(text.dropLast()) : text)
                    guard let number, number >= 0, number <= 100 else {
                        throw reader.error(n, "`retention.max_shrink` must be a percentage such as 30%, not '\(text)'")
                    }
                    set.retention.maxShrink = number / 100
                }
                if let n = fields["covers"] { set.retention.covers = try reader.age(n, key: "retention.covers") }
                if let n = fields["max_gap"] {
                    if try reader.string(n, key: "retention.max_gap") == "schedule" {
                        guard let age = set.maxAge else {
                            throw reader.error(n, "`max_gap: schedule` needs a `schedule:` or `max_age:`")
                        }
                        set.retention.maxGap = age
                    } else {
                        set.retention.maxGap = try reader.age(n, key: "retention.max_gap")
                    }
                }
            }
        }
        try reader.collect {
            if let databases = map["databases"] {
                set.databases = try reader.sequence(databases, key: "databases").map(
                    DatabasePlanParser(reader: reader).parse)
            }
        }
        return set
    }

    func parseRule(_ node: Node) throws -> ExpectRule {
        let map = try reader.mapping(node, allowed: Self.ruleKeys, context: "an expect rule")
        var rule: ExpectRule
        switch (map["path"], map["glob"]) {
        case (let path?, nil):
            rule = ExpectRule(selector: .path(try productionPath(path, key: "path")))
        case (nil, let glob?):
            rule = ExpectRule(selector: .glob(try productionPath(glob, key: "glob")))
        default:
            throw reader.error(node, "an expect rule needs exactly one of `path:` or `glob:`")
        }
        rule.line = node.mark?.line
        if let type = map["type"] {
            let text = try reader.string(type, key: "type")
            guard
                let value = ["file": EntryType.file, "directory": .directory, "dir": .directory, "symlink": .symlink][
                    text]
            else {
                throw reader.error(type, "`type` must be file, directory or symlink, not '\(text)'")
            }
            rule.type = value
        }
        if let target = map["target"] { rule.target = try reader.string(target, key: "target") }
        if let mode = map["mode"] {
            let text = try reader.string(mode, key: "mode")
            guard text.count >= 3, text.count <= 5, let value = UInt32(text, radix: 8), value <= 0o7777 else {
                throw reader.error(
                    mode, "`mode` must be an octal string such as \"0640\", not '\(text)' (quote it in YAML)")
            }
            rule.mode = value
        }
        if let owner = map["owner"] { rule.owner = try reader.string(owner, key: "owner") }
        if let group = map["group"] { rule.group = try reader.string(group, key: "group") }
        if let uid = map["uid"] { rule.uid = Int64(try reader.int(uid, key: "uid")) }
        if let gid = map["gid"] { rule.gid = Int64(try reader.int(gid, key: "gid")) }
        if let count = map["min_count"] { rule.minCount = try reader.int(count, key: "min_count") }
        if let size = map["min_size"] { rule.minSize = try reader.bytes(size, key: "min_size") }
        if let contains = map["contains"] {
            let text = try reader.string(contains, key: "contains")
            guard !text.isEmpty else { throw reader.error(contains, "`contains` is empty") }
            rule.contains = text
        }
        if case .glob = rule.selector, rule.target != nil {
            throw reader.error(node, "`target:` needs a single `path:`, not a glob")
        }
        return rule
    }

    private func productionPath(_ node: Node, key: String) throws -> String {
        let text = try reader.string(node, key: key)
        guard text.hasPrefix("/") else {
            throw reader.error(
                node, "`\(key)` must be an absolute production path such as /var/www/html, not '\(text)'")
        }
        let parts = text.split(separator: "/").filter { $0 != "." }
        guard !parts.contains("..") else { throw reader.error(node, "`\(key)` may not contain '..'") }
        return "/" + parts.joined(separator: "/")
    }
}
