import Foundation
import Yams

/// Reads a plan file strictly: an unknown key, a wrong type or a bad value is an error that
/// names the file, the line and the key (exit 78), never a silently ignored setting.
public struct PlanLoader {
    public init() {}

    /// `-` reads the plan from standard input (paths in it are relative to the current directory).
    public func load(path: String) throws -> Plan {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else {
                throw RestoreCheckError(.plan, "the plan is not UTF-8 text", path: "<stdin>")
            }
            return try parse(text, file: "<stdin>", baseDirectory: FileManager.default.currentDirectoryPath)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RestoreCheckError(.plan, "cannot read the plan file", path: path, errno: errno)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RestoreCheckError(.plan, "the plan is not UTF-8 text", path: path)
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var plan = try parse(text, file: path, baseDirectory: base)
        plan.file = path
        return plan
    }

    public func parse(_ text: String, file: String, baseDirectory: String) throws -> Plan {
        let root: Node?
        do {
            // Every value is read as text and checked by the key that reads it, so the basic
            // resolver is enough; the default one runs a dozen regular expressions per scalar,
            // which was half a plan's load time and every `--jobs` worker pays it again.
            root = try Yams.compose(yaml: text, .basic)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            // Yams' own text quotes the whole mapping, which for a set is most of the plan.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            throw RestoreCheckError(
                .plan, "\(keys) is given twice in the same mapping, first on this line: keep one",
                path: file, line: context.mark.line)
        } catch {
            throw RestoreCheckError(.plan, "not valid YAML: \(error)", path: file)
        }
        let reader = PlanNodeReader(file: file, baseDirectory: baseDirectory)
        guard let root else { throw RestoreCheckError(.plan, "the plan is empty; it needs a `sets:` list", path: file) }
        let top = try reader.mapping(root, allowed: ["sets", "reports", "notify"], context: "the plan")
        guard let setsNode = top["sets"] else {
            throw RestoreCheckError(.plan, "the plan has no `sets:` list", path: file, line: root.mark?.line)
        }
        let plan = try read(top, setsNode: setsNode, reader: reader)
        // In the order of the file, as a person fixes them.
        let problems = reader.problems.errors.enumerated().sorted {
            ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
        }.map(\.element)
        guard let first = problems.first else { return plan }
        var error = first
        error.also = Array(problems.dropFirst())
        throw error
    }

    private func read(_ top: [String: Node], setsNode: Node, reader: PlanNodeReader) throws -> Plan {
        var sets: [BackupSetPlan] = []
        let setNodes = try reader.sequence(setsNode, key: "sets")
        for (index, node) in setNodes.enumerated() {
            try reader.collect { sets.append(try BackupSetParser(reader: reader).parse(node, index: index)) }
        }
        guard !setNodes.isEmpty else { throw reader.error(setsNode, "`sets:` is empty; name at least one backup set") }
        let names = sets.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw reader.error(setsNode, "two sets are named '\(duplicate)'; set names must be unique")
        }
        var reports = ReportSettings()
        try reader.collect { try readReports(top["reports"], into: &reports, reader: reader) }
        var plan = Plan(sets: sets, reports: reports)
        try reader.collect {
            if let node = top["notify"] { plan.notify = try readNotify(node, reader: reader) }
        }
        return plan
    }

    private func readReports(_ node: Node?, into reports: inout ReportSettings, reader: PlanNodeReader) throws {
        if let node {
            let map = try reader.mapping(node, allowed: ["dir", "formats", "mode"], context: "reports")
            if let modeNode = map["mode"] {
                let text = try reader.string(modeNode, key: "reports.mode")
                let digits = text.hasPrefix("0o") ? String(text.dropFirst(2)) : text
                // Owner read and write, nothing executable or special: reports are plain files.
                guard let mode = UInt16(digits, radix: 8), mode & 0o600 == 0o600, mode & ~0o666 == 0 else {
                    throw reader.error(
                        modeNode,
                        "`reports.mode` must be an octal file mode from 0600 to 0666 (such as 0640), not '\(text)'")
                }
                reports.mode = mode_t(mode)
            }
            if let dir = map["dir"] { reports.directory = try reader.path(dir, key: "reports.dir") }
            if let formats = map["formats"] {
                reports.formats = try reader.sequence(formats, key: "reports.formats").map { node in
                    let name = try reader.string(node, key: "reports.formats")
                    guard let format = ReportSettings.Format(rawValue: name) else {
                        throw reader.error(node, "unknown report format '\(name)' (known: junit, json, html)")
                    }
                    return format
                }
            }
        }
    }

    private func readNotify(_ node: Node, reader: PlanNodeReader) throws -> [Notifier.Target] {
        try reader.sequence(node, key: "notify").map { entry in
            let map = try reader.mapping(
                entry, allowed: Set(Notifier.Kind.allCases.map(\.rawValue)), context: "a notify entry")
            guard map.count == 1, let (kind, value) = map.first,
                let target = Notifier.Target.parse("\(kind)=\(try reader.string(value, key: "notify.\(kind)"))")
            else {
                throw reader.error(
                    entry, "a notify entry is one of healthchecks:, webhook:, ntfy: with an http(s) URL")
            }
            return target
        }
    }
}

/// The problems found so far in one plan: reading goes on past a bad part, so `validate` (and
/// a refused `verify`) lists every problem at once instead of one per try.
final class PlanProblems {
    var errors: [RestoreCheckError] = []
}

/// Typed access to YAML nodes, with errors that carry the plan file and the node's line.
struct PlanNodeReader {
    let file: String
    let baseDirectory: String
    let problems = PlanProblems()

    /// Reads one independent part of the plan (a set's key, a rule); its problem is recorded
    /// and reading goes on. Anything but a plan error still stops the read.
    func collect(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let problem as RestoreCheckError where problem.kind == .plan {
            problems.errors.append(problem)
        }
    }

    func error(_ node: Node, _ message: String) -> RestoreCheckError {
        RestoreCheckError(.plan, message, path: file, line: node.mark?.line)
    }

    func mapping(_ node: Node, allowed: Set<String>, context: String) throws -> [String: Node] {
        guard let mapping = node.mapping else { throw error(node, "\(context) must be a mapping of keys to values") }
        var out: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                // Recorded, and the rest of the mapping is still read: a typo hides nothing else.
                problems.errors.append(
                    error(
                        key, "unknown key '\(name)' in \(context) (known: \(allowed.sorted().joined(separator: ", ")))")
                )
                continue
            }
            out[name] = value
        }
        return out
    }

    func sequence(_ node: Node, key: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw error(node, "`\(key)` must be a list") }
        return Array(sequence)
    }

    func string(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "`\(key)` must be a single value") }
        return scalar.string
    }

    func int(_ node: Node, key: String, minimum: Int = 0) throws -> Int {
        guard let value = Int(try string(node, key: key)), value >= minimum else {
            throw error(node, "`\(key)` must be a whole number of at least \(minimum)")
        }
        return value
    }

    func bytes(_ node: Node, key: String) throws -> UInt64 {
        let text = try string(node, key: key)
        guard let value = ByteSize.parse(text) else {
            throw error(node, "`\(key)` must be a size such as 512, 10KiB or 2GB (at most 16 EiB), not '\(text)'")
        }
        return value
    }

    func age(_ node: Node, key: String) throws -> TimeInterval {
        let text = try string(node, key: key)
        guard let value = AgeText.parse(text) else {
            throw error(node, "`\(key)` must be a duration such as 90m, 26h or 7d (at most 36500d), not '\(text)'")
        }
        return value
    }

    /// A file-system path; relative paths are taken from the plan's directory.
    func path(_ node: Node, key: String) throws -> String {
        let text = try string(node, key: key)
        guard !text.isEmpty else { throw error(node, "`\(key)` is empty") }
        if text.hasPrefix("/") || text == "-" { return text }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(text).standardized.path
    }
}
