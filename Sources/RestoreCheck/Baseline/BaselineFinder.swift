import Foundation

/// Finds what a tree holds and turns it into rules; a candidate preset is kept only when its
/// checks pass on the source itself.
struct BaselineFinder {
    let view: TreeView
    let fraction: Double
    /// The db phase's verdict on every dump in the source.
    let outcomes: [DumpOutcome]
    var dumps: [DumpReport] { outcomes.reports }
    /// Candidates left out, with why, written as comments.
    private(set) var skipped: [String] = []

    struct Sections {
        var presets: [BaselineRule] = []
        var secrets: [BaselineRule] = []
        var links: [BaselineRule] = []
        var counts: [BaselineRule] = []
        var databases: [BaselineRule] = []
    }

    static let secretNames: Set<String> = [
        "wp-config.php", ".env", "authorized_keys", "id_rsa", "id_ecdsa", "id_ed25519",
        "shadow", "gshadow", ".htpasswd", ".pgpass", ".my.cnf", "credentials",
    ]
    static let secretSuffixes = [".pem", ".key", ".p12", ".pfx", ".kdbx"]

    private func slack(_ count: Int) -> Int { count <= 0 ? 0 : max(1, Int((Double(count) * fraction).rounded(.down))) }

    private func passes(_ preset: PresetRule) -> (Bool, String) {
        let results = PresetChecks(presets: [preset], index: view.index, reader: view.reader, dumps: outcomes).results()
        if let bad = results.first(where: { $0.status != .pass }) { return (false, "\(bad.name): \(bad.message)") }
        return (true, results.map(\.message).joined(separator: "; "))
    }

    mutating func sections() -> Sections {
        var out = Sections()
        var candidates: [(PresetRule, String)] = []
        // WordPress roots: wp-config.php beside wp-includes/version.php.
        for entry in view.index.entries where entry.productionPath.hasSuffix("/wp-config.php") {
            let root = String(entry.productionPath.dropLast("/wp-config.php".count))
            if view.entry(root + "/wp-includes/version.php") != nil {
                candidates.append(
                    (
                        PresetRule(kind: .wordpress, location: root),
                        "a WordPress site: core files, wp-config.php kept private, uploads, and its database dump "
                            + "with options/posts/users"
                    ))
            }
        }
        // Maildirs: the directory above the mailboxes.
        let mailboxes = Set(
            view.index.directories.filter {
                $0.hasSuffix("/cur") && view.index.hasDirectory(String($0.dropLast(4)) + "/new")
            }
            .map { String($0.dropLast(4)) }
        ).sorted()
        if !mailboxes.isEmpty {
            let parents = mailboxes.map { ($0 as NSString).deletingLastPathComponent }
            let root = Self.commonAncestor(parents)
            candidates.append(
                (
                    PresetRule(kind: .maildir, location: root),
                    "Maildirs: every mailbox keeps cur, new and tmp, and its messages parse as mail"
                ))
        }
        // Media: the highest directories holding images, audio or video.
        var mediaCounts: [String: [String: Int]] = [:]
        for entry in view.index.entries where entry.type == .file && !VolatilePaths.isVolatile(entry.productionPath) {
            let ext = (entry.productionPath as NSString).pathExtension.lowercased()
            guard MediaPreset.signatures[ext] != nil else { continue }
            let directory = Self.mediaRoot(entry.productionPath)
            mediaCounts[directory, default: [:]][ext, default: 0] += 1
        }
        for (directory, counts) in mediaCounts.sorted(by: { $0.key < $1.key }) where counts.values.reduce(0, +) >= 3 {
            candidates.append(
                (
                    PresetRule(kind: .media, location: directory + "/**"),
                    "media: every file's content matches its extension, none empty or all zeros"
                ))
            for (ext, count) in counts.sorted(by: { $0.key < $1.key }) {
                out.counts.append(
                    BaselineRule(
                        comment:
                            "\(count) .\(ext) files today; at least \(slack(count)) (uploads churn, so "
                            + "\(Int(fraction * 100))%)",
                        lines: ["- glob: \(yamlQuoted("\(directory)/**/*.\(ext)"))", "  min_count: \(slack(count))"]))
            }
        }
        for mailbox in mailboxes {
            let messages = view.files(under: mailbox + "/cur").count + view.files(under: mailbox + "/new").count
            guard messages > 0 else { continue }
            let inCur = view.index.entries.filter {
                ($0.productionPath as NSString).deletingLastPathComponent == mailbox + "/cur"
            }.count
            if inCur > 0 {
                out.counts.append(
                    BaselineRule(
                        comment: "\(inCur) messages in \(mailbox)/cur today; at least \(slack(inCur))",
                        lines: [
                            "- path: \(yamlQuoted(mailbox + "/cur"))", "  type: directory",
                            "  min_count: \(slack(inCur))",
                        ]))
            }
        }
        // Dumps: their directories, and each restorable dump's tables.
        let good = outcomes.filter(\.restores).compactMap(\.report)
        for dump in dumps where !good.contains(where: { $0.dump == dump.dump }) {
            skipped.append("\(dump.dump): does not restore cleanly today, so it is not in the plan")
        }
        for directory in Set(good.map { ($0.dump as NSString).deletingLastPathComponent }).sorted() {
            candidates.append(
                (
                    PresetRule(kind: .databaseDumps, location: directory),
                    "database dumps: at least one, each complete and importable"
                ))
        }
        for dump in good {
            var lines = ["- dump: \(yamlQuoted(dump.dump))", "  tables:"]
            for table in dump.tables {
                lines.append(
                    "    \(yamlQuoted(table.name)): { min_rows: \(slack(table.rows)) }   # \(table.rows) today")
            }
            if dump.tables.isEmpty { lines.removeLast() }
            out.databases.append(
                BaselineRule(
                    comment:
                        "\(dump.dump): \(plural(dump.tables.count, "table")), \(plural(dump.totalRows, "row")) today; "
                        + "each table must keep \(Int(fraction * 100))% of its rows",
                    lines: lines))
        }
        // Config: regular files under /etc, no looser than today, one preset per mode found
        // (never the loosest mode for all), at most 40 files each: the mtree spec pins the rest.
        let config = view.index.entries.filter {
            $0.type == .file && $0.productionPath.hasPrefix("/etc/") && $0.size > 0
                && !VolatilePaths.isVolatile($0.productionPath)
        }
        let byMode = Dictionary(grouping: config, by: \.permissions)
        for (mode, files) in byMode.sorted(by: { $0.key < $1.key }) {
            var preset = PresetRule(kind: .config, location: "")
            let shallowFirst = files.map(\.productionPath).sorted {
                let (a, b) = ($0.split(separator: "/").count, $1.split(separator: "/").count)
                return a != b ? a < b : $0 < $1
            }
            preset.paths = Array(shallowFirst.prefix(40)).sorted()
            preset.mode = mode
            let more = files.count > 40 ? " (the \(files.count - 40) others of this mode are in the mtree spec)" : ""
            candidates.append((preset, "configuration at mode \(octal(mode)): present, not empty, no looser\(more)"))
        }
        for (preset, comment) in candidates {
            let (ok, why) = passes(preset)
            guard ok else {
                skipped.append("\(preset.checkID().name): \(why)")
                continue
            }
            out.presets.append(BaselineRule(comment: comment, lines: Self.lines(preset)))
        }
        // Secrets and keys: exact mode and owner.
        for entry in view.index.entries where entry.type == .file && !VolatilePaths.isVolatile(entry.productionPath) {
            let byName = isSecret(entry.productionPath)
            guard byName || holdsSecret(entry) else { continue }
            var lines = [
                "- path: \(yamlQuoted(entry.productionPath))", "  type: file",
                "  mode: \"\(octal(entry.permissions))\"",
            ]
            if view.recordsOwners {
                // An archive made with --numeric-owner records empty names: pin the numbers.
                let owner = entry.uname.flatMap { $0.isEmpty ? nil : $0 }
                let group = entry.gname.flatMap { $0.isEmpty ? nil : $0 }
                lines.append(owner.map { "  owner: \(yamlQuoted($0))" } ?? "  uid: \(entry.uid)")
                lines.append(group.map { "  group: \(yamlQuoted($0))" } ?? "  gid: \(entry.gid)")
            }
            let why = byName ? "a secret" : "holds a secret (a password, key or token)"
            out.secrets.append(BaselineRule(comment: "\(why): exactly this mode and owner", lines: lines))
        }
        // Symlinks in /etc (sites-enabled and the like): the same targets.
        // A directory of many links (alternatives, rc?.d, certificates) is one count rule; a
        // few links (sites-enabled) keep their exact targets.
        let links = view.index.entries.filter {
            $0.type == .symlink && $0.productionPath.hasPrefix("/etc/") && $0.link != nil
                && !VolatilePaths.isVolatile($0.productionPath)
        }
        let byDirectory = Dictionary(grouping: links) { ($0.productionPath as NSString).deletingLastPathComponent }
        for (directory, entries) in byDirectory.sorted(by: { $0.key < $1.key }) {
            if entries.count > 3 {
                out.links.append(
                    BaselineRule(
                        comment: "\(entries.count) links in \(directory) today; at least \(slack(entries.count))",
                        lines: [
                            "- glob: \(yamlQuoted(directory + "/*"))", "  type: symlink",
                            "  min_count: \(slack(entries.count))",
                        ]))
                continue
            }
            for entry in entries.sorted(by: { $0.productionPath < $1.productionPath }) {
                out.links.append(
                    BaselineRule(
                        comment: "a link that switches something on",
                        lines: [
                            "- path: \(yamlQuoted(entry.productionPath))", "  type: symlink",
                            "  target: \(yamlQuoted(entry.link!))",
                        ]))
            }
        }
        return out
    }

    /// A configuration-kind file whose first 64 KiB hold a password, key or token.
    private func holdsSecret(_ entry: IndexedEntry) -> Bool {
        guard SecretContent.isCandidate(entry.productionPath, size: entry.size) else { return false }
        var head: [UInt8] = []
        _ = view.reader.stream(entry.productionPath) { chunk in
            head += chunk.prefix(65_536 - head.count)
            return head.count < 65_536
        }
        return SecretContent.holdsSecret(head)
    }

    private func isSecret(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return Self.secretNames.contains(name) || Self.secretSuffixes.contains { name.hasSuffix($0) }
            || Self.secretNames.contains { name.hasPrefix($0 + ".") && $0.hasPrefix("id_") && !name.hasSuffix(".pub") }
    }

    static func lines(_ preset: PresetRule) -> [String] {
        switch preset.kind {
        case .wordpress, .maildir:
            return ["- preset: \(preset.kind.rawValue)", "  root: \(yamlQuoted(preset.location))"]
        case .media: return ["- preset: media", "  glob: \(yamlQuoted(preset.location))"]
        case .databaseDumps: return ["- preset: database-dumps", "  dir: \(yamlQuoted(preset.location))"]
        case .config:
            return ["- preset: config", "  mode: \"\(octal(preset.mode))\"", "  paths:"]
                + preset.paths.map { "    - \(yamlQuoted($0))" }
        }
    }

    /// `…/uploads/2026/11/a.jpg` → `…/uploads`: the directory above dated sub-folders.
    static func mediaRoot(_ path: String) -> String {
        var parts = path.split(separator: "/").dropLast().map(String.init)
        while let last = parts.last, last.allSatisfy(\.isNumber) { parts.removeLast() }
        return "/" + parts.joined(separator: "/")
    }

    static func commonAncestor(_ paths: [String]) -> String {
        guard var common = paths.first?.split(separator: "/") else { return "/" }
        for path in paths.dropFirst() {
            let parts = path.split(separator: "/")
            common = Array(zip(common, parts).prefix { $0 == $1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }

    func summary(_ sections: Sections) -> [String] {
        [
            "\(plural(sections.presets.count, "preset")), \(plural(sections.secrets.count, "secret")), "
                + "\(plural(sections.links.count, "link")), \(plural(sections.counts.count, "count rule")), "
                + "\(plural(sections.databases.count, "dump"))"
        ]
            + skipped.map { "left out: \($0)" }
    }
}
