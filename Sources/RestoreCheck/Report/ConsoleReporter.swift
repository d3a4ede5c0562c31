/// What a person (or a cron mail) reads: one line per phase, every failure with its
/// offenders, and a final verdict line naming the failed checks and the reports.
public struct ConsoleReporter {
    public var verbose = false
    public var quiet = false
    public init(verbose: Bool = false, quiet: Bool = false) {
        self.verbose = verbose
        self.quiet = quiet
    }

    public func render(_ report: RunReport, reportPaths: [String]) -> String {
        var lines: [String] = []
        if !quiet {
            for set in report.sets {
                if let archive = set.archive {
                    let shape = ([archive.format] + archive.filters).joined(separator: " + ")
                    lines.append("set \(set.name): \(archive.path) (\(shape), \(ByteSize.format(archive.sizeBytes)), \(plural(archive.entries, "entry")))")
                } else {
                    lines.append("set \(set.name):")
                }
                for phase in set.phases {
                    let checks = set.checks.filter { $0.phase == phase }
                    let worst = checks.map(\.status).max() ?? .skip
                    let counts = [CheckStatus.pass, .fail, .error, .warn, .skip].compactMap { status -> String? in
                        let n = checks.filter { $0.status == status }.count
                        return n > 0 ? "\(n) \(status.rawValue)" : nil
                    }.joined(separator: ", ")
                    lines.append("  \(phase.padding(toLength: 8, withPad: " ", startingAt: 0)) \(label(worst))  \(counts)")
                    for check in checks where verbose || [.fail, .error, .warn].contains(check.status) {
                        lines.append("    \(label(check.status)) \(check.name): \(check.message)")
                        for offender in check.offenders.prefix(verbose ? CheckResult.shownOffenders : 5) {
                            lines.append("        \(offender.name): \(offender.reason)")
                        }
                        let shown = min(check.offenders.count, verbose ? CheckResult.shownOffenders : 5)
                        if check.offenderCount > shown { lines.append("        … and \(check.offenderCount - shown) more (see report.json)") }
                    }
                    for dump in set.databases where phase == "db" {
                        let how = dump.format == .sqliteDatabase ? "SQLite file, checked in place"
                            : [dump.compression, dump.format == .pgCustom ? "pg_dump -Fc" : dump.dialect?.rawValue].compactMap { $0 }.joined(separator: " ") + " → \(dump.target.rawValue)"
                        lines.append("    \(dump.dump) (\(how)): \(plural(dump.tables.count, "table")), \(plural(dump.totalRows, "row"))")
                        if verbose || dump.tables.count <= 12 {
                            let counts = dump.tables.map { "\($0.name) \($0.rows)" }.joined(separator: ", ")
                            if !counts.isEmpty { lines.append("      \(counts)") }
                        }
                    }
                }
                if let sandbox = set.sandbox { lines.append("  sandbox kept at \(sandbox)") }
            }
        }
        lines.append(verdictLine(report, reportPaths: reportPaths))
        return lines.joined(separator: "\n") + "\n"
    }

    public func verdictLine(_ report: RunReport, reportPaths: [String]) -> String {
        let bad = report.sets.flatMap { set in
            set.checks.filter { $0.status == .fail || $0.status == .error }.map { "\(set.name).\($0.phase): \($0.name)" }
        }
        var line: String
        switch report.verdict {
        case .pass: line = "verdict: PASS"
        case .fail: line = "verdict: FAIL"
        case .error: line = "verdict: COULD NOT VERIFY"
        }
        let total = report.sets.reduce(0) { $0 + $1.checks.count }
        line += " (\(plural(total, "check")) in \(plural(report.sets.count, "set"))"
        if !bad.isEmpty {
            line += "; \(bad.count) not passed: " + bad.prefix(5).joined(separator: ", ") + (bad.count > 5 ? ", …" : "")
        }
        line += ")"
        if !reportPaths.isEmpty { line += "; reports: " + reportPaths.joined(separator: ", ") }
        return line
    }

    private func label(_ status: CheckStatus) -> String {
        switch status {
        case .pass: return "ok  "
        case .fail: return "FAIL"
        case .error: return "ERR "
        case .warn: return "warn"
        case .skip: return "skip"
        }
    }
}
