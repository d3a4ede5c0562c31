import Foundation

/// Writes the generated plan as commented YAML, then reads it back with the plan loader: a
/// plan `baseline` writes is always one `verify` accepts.
struct BaselinePlanWriter {
    let options: BaselineBuilder.Options
    let view: TreeView
    let sections: BaselineFinder.Sections
    let skipped: [String]

    func text() throws -> String {
        var out: [String] = []
        let stamp = ISOTime.string(options.now)
        out.append("# Written by `restorecheck baseline \(options.source)` on \(stamp).")
        out.append(
            "# Every rule below held on that source. Counts and rows allow "
                + "\(Int(((1 - options.fraction) * 100).rounded()))% to go (--fraction \(options.fraction));"
        )
        out.append("# secrets keep their exact mode and owner. Edit freely: this is a starting point, not a contract.")
        out.append("sets:")
        out.append("  - name: \(yamlQuoted(setName))")
        out += sourceBlock().map { "    " + $0 }
        if options.prefix != "/" {
            out.append("    layout: { prefix: \(yamlQuoted(options.prefix)) }   # the archive holds this sub-tree")
        }
        if let spec = manifestReference {
            out.append(
                "    manifest: \(yamlQuoted(spec))   # the mtree spec written with this plan: every file's digest")
        } else {
            out.append(
                "    manifest: auto                 # SHA256SUMS / *.mtree inside the archive, "
                    + "or ARCHIVE.mtree beside it")
        }
        let volatile = VolatilePaths.present(in: view.index.entries.lazy.map(\.productionPath))
        if !volatile.isEmpty {
            out.append("    ignore:                        # changes every night: left out of every check")
            out += volatile.map { "      - \(yamlQuoted($0))" }
        }
        let expect = [
            ("What the server holds (presets: bundles of checks)", sections.presets),
            ("Secrets and keys", sections.secrets), ("Links", sections.links),
            ("Counts that churn", sections.counts),
        ].filter { !$0.1.isEmpty }
        if !expect.isEmpty {
            out.append("    expect:")
            for (title, rules) in expect {
                out.append("      # --- \(title)")
                for rule in rules { out += render(rule, indent: "      ") }
            }
        }
        out.append(sections.databases.isEmpty ? "    databases: []                 # no dump found" : "    databases:")
        for rule in sections.databases { out += render(rule, indent: "      ") }
        for note in skipped { out.append("    # left out: \(note.replacingOccurrences(of: "\n", with: " "))") }
        out.append("reports:")
        out.append("  dir: Reports")
        out.append("  formats: [junit, json, html]")
        let text = out.joined(separator: "\n") + "\n"
        _ = try PlanLoader().parse(
            text, file: "(the generated plan)", baseDirectory: FileManager.default.currentDirectoryPath)
        return text
    }

    /// The spec's path as the plan names it: relative when beside the plan, else absolute.
    private var manifestReference: String? {
        guard let spec = options.manifestPath, spec != "-" else { return nil }
        let absolute = URL(fileURLWithPath: spec).standardized.path
        guard let plan = options.planPath, plan != "-" else { return absolute }
        let directory = URL(fileURLWithPath: plan).standardized.deletingLastPathComponent().path
        return absolute.hasPrefix(directory + "/") ? String(absolute.dropFirst(directory.count + 1)) : absolute
    }

    private func render(_ rule: BaselineRule, indent: String) -> [String] {
        ["\(indent)# \(rule.comment)"] + rule.lines.map { indent + $0 }
    }

    private var setName: String {
        if let name = options.name { return name }
        var name = (options.source as NSString).lastPathComponent
        if let archive = view.archive { name = BaselinePlanWriter.stem((archive as NSString).lastPathComponent) }
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
        return cleaned.isEmpty || cleaned == "-" ? "server" : cleaned
    }

    /// `shop-2026-11-26.tar.zst` → `shop`; `web2-20261126.tar.gz` → `web2`: the name up to its
    /// date (eight digits, dashes or underscores between them allowed, starting 19 or 20).
    static func stem(_ name: String) -> String {
        let characters = Array(name)
        for start in characters.indices where start == 0 || "-_.".contains(characters[start - 1]) {
            var digits = 0
            var index = start
            while index < characters.count, digits < 8, characters[index].isNumber || "-_".contains(characters[index]) {
                if characters[index].isNumber { digits += 1 }
                index += 1
            }
            let head = String(characters[start..<min(start + 2, characters.count)])
            guard digits == 8, head == "19" || head == "20", start > 0 else { continue }
            let trimmed = String(characters[..<start]).trimmingCharacters(in: CharacterSet(charactersIn: "-_."))
            if !trimmed.isEmpty { return trimmed }
        }
        let head = name.prefix { !$0.isNumber }
        let trimmed = head.trimmingCharacters(in: CharacterSet(charactersIn: "-_."))
        return trimmed.isEmpty ? name : trimmed
    }

    /// The pattern that matches this server's copies and not another's: `web-*` for
    /// `web-2026-11-26.tar.gz`, so `web2-…` stays out.
    static func pattern(_ name: String) -> String {
        let stem = stem(name)
        guard name.hasPrefix(stem), name.count > stem.count else { return stem + "*" }
        let separator = name[name.index(name.startIndex, offsetBy: stem.count)]
        return "-_.".contains(separator) ? "\(stem)\(separator)*" : stem + "*"
    }

    /// The source: the copies' directory (with a schedule read off their dates) when there
    /// are several, the archive itself when alone, a placeholder for a live tree.
    private func sourceBlock() -> [String] {
        let directory: String?
        let sample: String?
        if let archive = view.archive {
            directory = (archive as NSString).deletingLastPathComponent
            sample = (archive as NSString).lastPathComponent
        } else if let backups = options.backups {
            directory = backups
            sample = nil
        } else {
            return [
                "# source: { latest: /srv/backups/\(setName), pattern: \"\(setName)-*\" }   # where the backups are "
                    + "(or verify --archive FILE)"
            ]
        }
        guard let directory else { return [] }
        let all = (try? ArchiveLocator.candidates(in: directory, pattern: nil)) ?? []
        let name = sample ?? all.first?.name ?? ""
        let pattern = name.isEmpty ? nil : BaselinePlanWriter.pattern(name)
        let copies = all.filter { pattern == nil || fnmatch(pattern!, $0.name, 0) == 0 }
        guard copies.count >= 2 || view.archive == nil else {
            return ["source: { archive: \(yamlQuoted(view.archive!)) }"]
        }
        var lines = [
            "source: { latest: \(yamlQuoted(directory))\(pattern.map { ", pattern: \(yamlQuoted($0))" } ?? "") }"
        ]
        if let schedule = Self.schedule(copies) {
            lines.append(
                "schedule: \(schedule.name)                # read off the copies' dates (median gap "
                    + "\(AgeText.format(schedule.gap)))"
            )
            lines.append("retention: { min_copies: \(min(copies.count, 3)), max_shrink: 50% }")
        }
        return lines
    }

    /// The schedule that fits the median gap between consecutive copies.
    static func schedule(_ copies: [ArchiveLocator.Candidate]) -> (name: String, gap: TimeInterval)? {
        let gaps = zip(copies, copies.dropFirst()).map { $0.mtime.timeIntervalSince($1.mtime) }.sorted()
        guard !gaps.isEmpty else { return nil }
        let median = gaps[gaps.count / 2]
        for (name, limit) in [
            ("hourly", 1.5 * 3600), ("daily", 30 * 3600.0), ("weekly", 8 * 86400.0), ("monthly", 32 * 86400.0),
        ] where median <= limit {
            return (name, median)
        }
        return nil
    }
}
