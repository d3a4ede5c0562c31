import Foundation

/// What a person (or a cron mail) reads: one line per phase, every failure with its
/// offenders, and a final verdict line naming the failed checks and the reports.
public struct ConsoleReporter {
    public var settings: ConsoleSettings
    var verbose: Bool { settings.verbose }
    var quiet: Bool { settings.quiet }
    var colour: Bool { settings.colour }

    public init(_ settings: ConsoleSettings) {
        self.settings = settings
    }

    /// Colour when standard output is a terminal and NO_COLOR (no-color.org) is unset or empty.
    public static func wantsColour() -> Bool {
        isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    public func render(_ report: RunReport, reportPaths: [String]) -> String {
        var lines: [String] = []
        if !quiet {
            for set in report.sets {
                if let archive = set.archive {
                    let shape = ([archive.format] + archive.filters).joined(separator: " + ")
                    lines.append(
                        "set \(set.name): \(archive.path) (\(shape), \(ByteSize.format(archive.sizeBytes)), "
                            + "\(plural(archive.entries, "entry")))"
                    )
                } else {
                    lines.append("set \(set.name):")
                }
                for phase in set.phases {
                    let checks = set.checks(in: phase)
                    let worst = checks.map(\.status).max() ?? .skip
                    let counts = [CheckStatus.pass, .fail, .error, .warn, .skip].compactMap { status -> String? in
                        let n = checks.filter { $0.status == status }.count
                        return n > 0 ? "\(n) \(status.rawValue)" : nil
                    }.joined(separator: ", ")
                    lines.append(
                        "  \(phase.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(label(worst))  "
                            + "\(counts)"
                    )
                    if phase == .diff, let summary = Self.diffSummary(checks) { lines.append("    " + summary) }
                    for check in checks where verbose || [.fail, .error, .warn].contains(check.status) {
                        lines.append("    \(label(check.status)) \(check.name): \(check.message)")
                        // -v: every offender kept (a diff keeps every difference).
                        for offender in check.offenders.prefix(verbose ? check.offenders.count : 5) {
                            lines.append("        \(offender.name): \(offender.reason)")
                        }
                        let shown = min(check.offenders.count, verbose ? check.offenders.count : 5)
                        if check.offenderCount > shown {
                            lines.append("        … and \(check.offenderCount - shown) more (see report.json)")
                        }
                    }
                    for dump in set.databases where phase == .db {
                        let how =
                            dump.format == .sqliteDatabase
                            ? "SQLite file, checked in place"
                            : [dump.compression, dump.format?.toolForm ?? dump.dialect?.rawValue]
                                .compactMap { $0 }.joined(separator: " ") + " → \(dump.target.rawValue)"
                        lines.append(
                            "    \(dump.dump) (\(how)): \(plural(dump.tables.count, "table")), "
                                + "\(plural(dump.totalRows, "row"))"
                        )
                        if verbose || dump.tables.count <= 12 {
                            let counts = dump.tables.map { "\($0.name) \($0.rows)" }.joined(separator: ", ")
                            if !counts.isEmpty { lines.append("      \(counts)") }
                        }
                    }
                }
                if let last = set.lastPassed {
                    lines.append("  last passed: \(ISOTime.string(last))")
                } else if !set.history.isEmpty {
                    lines.append("  last passed: never (in \(plural(set.history.count, "earlier run")))")
                }
                if let sandbox = set.sandbox { lines.append("  sandbox kept at \(sandbox)") }
            }
        }
        lines.append(verdictLine(report, reportPaths: reportPaths))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A diff's differences at a glance, before the lists: how many of each kind, and the
    /// directories with the most (where a migration has drifted).
    static func diffSummary(_ checks: [CheckResult]) -> String? {
        let differing = checks.filter { $0.offenderCount > 0 && $0.status != .pass }
        guard !differing.isEmpty else { return nil }
        let counts = differing.map { "\($0.offenderCount) \($0.name)" }.joined(separator: ", ")
        var byDirectory: [String: Int] = [:]
        for check in differing {
            for offender in check.offenders {
                byDirectory[(offender.name as NSString).deletingLastPathComponent, default: 0] += 1
            }
        }
        let top = byDirectory.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
        return "differences: \(counts); most under "
            + top.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
    }

    public func verdictLine(_ report: RunReport, reportPaths: [String]) -> String {
        let bad = report.sets.flatMap { set in
            set.checks.filter { $0.status == .fail || $0.status == .error }.map {
                "\(set.name).\($0.phase.rawValue): \($0.name)"
            }
        }
        var line = "verdict: \(report.verdict.headline)"
        let total = report.sets.reduce(0) { $0 + $1.checks.count }
        line += " (\(plural(total, "check")) in \(plural(report.sets.count, "set"))"
        if !bad.isEmpty {
            line += "; \(bad.count) not passed: " + bad.prefix(5).joined(separator: ", ") + (bad.count > 5 ? ", …" : "")
        }
        line += ")"
        if let html = reportPaths.first(where: { $0.hasSuffix(".html") }) {
            line += "; report: \(html)"
        } else if !reportPaths.isEmpty {
            line += "; reports: " + reportPaths.joined(separator: ", ")
        }
        return line
    }

    private func label(_ status: CheckStatus) -> String {
        let text: String
        let code: String
        switch status {
        case .pass: (text, code) = ("ok  ", "32")
        case .fail: (text, code) = ("FAIL", "1;31")
        case .error: (text, code) = ("ERR ", "1;33")
        case .warn: (text, code) = ("warn", "33")
        case .skip: (text, code) = ("skip", "2")
        }
        return colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
