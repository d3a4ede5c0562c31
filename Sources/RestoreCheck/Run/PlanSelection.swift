import Foundation

/// The first step of a run: the plan (loaded, or one set built from the archive the command
/// line names), narrowed to the sets asked for, with the command line's report settings.
enum PlanSelection {
    /// `name` and `maxAge` shape the one set of a run without a plan.
    static func plan(
        path: String?, archive: String?, latest: String?, setNames: [String],
        formats: [ReportSettings.Format]?, name: String? = nil, maxAge: TimeInterval? = nil
    ) throws -> Plan {
        if path != nil, name != nil || maxAge != nil {
            throw RestoreCheckError(
                .usage, "--name and --max-age are for a run without a plan; a plan names its sets and their max_age")
        }
        var plan = try path.map { try PlanLoader().load(path: $0) } ?? adHocPlan(archive: archive, latest: latest)
        if let name {
            guard SetName.isUsable(name) else {
                throw RestoreCheckError(.usage, "--name '\(name)' cannot name a report directory (one path segment)")
            }
            plan.sets[0].name = name
        }
        if let maxAge { plan.sets[0].maxAge = maxAge }
        if !setNames.isEmpty {
            for wanted in setNames where !plan.sets.contains(where: { $0.name == wanted }) {
                throw RestoreCheckError(.usage, "the plan has no set named '\(wanted)'")
            }
            plan.sets = plan.sets.filter { setNames.contains($0.name) }
        }
        if (archive != nil || latest != nil) && plan.sets.count > 1 {
            throw RestoreCheckError(
                .usage,
                "--archive/--latest name one archive, but the plan has \(plan.sets.count) sets: pick one with --set "
                    + "NAME"
            )
        }
        if let formats { plan.reports.formats = formats }
        return plan
    }

    /// One set named after the archive (its suffix dropped, unsafe characters replaced).
    static func adHocPlan(archive: String?, latest: String?) -> Plan {
        let source = archive ?? latest ?? "backup"
        var name = (source as NSString).lastPathComponent
        for suffix in ArchiveLocator.suffixes.sorted(by: { $0.count > $1.count }) where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        name = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        if name == "-" { name = "stdin" }
        return Plan(sets: [
            BackupSetPlan(name: SetName.isUsable(name) ? name : "backup")
        ])
    }
}

extension ReportSettings.Format {
    /// `junit,json` → the formats; an unknown name is a usage error naming the known ones.
    public static func list(_ text: String) throws -> [Self] {
        try text.split(separator: ",").map { name in
            guard let format = Self(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw RestoreCheckError(.usage, "unknown --format '\(name)' (known: junit, json, html)")
            }
            return format
        }
    }
}
