import Yams

/// Parses `- preset: NAME` entries of `expect:` with their parameters, strictly.
struct PresetParser {
    let reader: PlanNodeReader

    func parse(_ node: Node) throws -> PresetRule {
        let map = try reader.mapping(
            node, allowed: ["preset", "root", "dir", "glob", "paths", "mode"], context: "a preset")
        let name = try reader.string(map["preset"]!, key: "preset")
        guard let kind = PresetRule.Kind(rawValue: name) else {
            throw reader.error(
                node,
                "unknown preset '\(name)' (known: \(PresetRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let key: String
        switch kind {
        case .wordpress, .maildir: key = "root"
        case .media: key = "glob"
        case .databaseDumps: key = "dir"
        case .config: key = "paths"
        }
        for other in ["root", "dir", "glob", "paths", "mode"]
        where map[other] != nil && other != key && !(kind == .config && other == "mode") {
            throw reader.error(node, "preset \(name) takes `\(key):`, not `\(other):`")
        }
        guard let value = map[key] else { throw reader.error(node, "preset \(name) needs `\(key):`") }
        var rule: PresetRule
        if kind == .config {
            rule = PresetRule(kind: kind, location: "")
            rule.paths = try reader.sequence(value, key: "paths").map { try production($0, key: "paths") }
            guard !rule.paths.isEmpty else { throw reader.error(value, "`paths:` is empty") }
            if let mode = map["mode"] {
                let text = try reader.string(mode, key: "mode")
                guard let parsed = UInt32(text, radix: 8), parsed <= 0o7777 else {
                    throw reader.error(mode, "`mode` must be an octal string such as \"0640\", not '\(text)'")
                }
                rule.mode = parsed
            }
        } else {
            rule = PresetRule(kind: kind, location: try production(value, key: key))
        }
        rule.line = node.mark?.line
        return rule
    }

    private func production(_ node: Node, key: String) throws -> String {
        let text = try reader.string(node, key: key)
        guard text.hasPrefix("/"), !text.split(separator: "/").contains("..") else {
            throw reader.error(node, "`\(key)` must be an absolute production path without '..', not '\(text)'")
        }
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
