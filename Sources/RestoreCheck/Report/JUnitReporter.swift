import Foundation

/// `junit.xml` for CI (docs/ARCHITECTURE.md: exit codes): one `<testsuite>` per set and phase
/// (`shop.files`), one `<testcase>` per check with a stable name, `<failure>` for fail,
/// `<error>` for error, `<skipped>` for skip; a warning passes with its text in
/// `<system-out>`. Valid against the Jenkins schema (`junit-10.xsd`).
public struct JUnitReporter: Reporter {
    public let fileName = "junit.xml"
    public init() {}

    public func render(_ report: RunReport) throws -> Data {
        let all = report.sets.flatMap(\.checks)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<testsuites name=\"restorecheck\" tests=\"\(all.count)\" "
            + "failures=\"\(all.filter { $0.status == .fail }.count)\""
        xml += " errors=\"\(all.filter { $0.status == .error }.count)\" time=\"\(time(report.seconds))\">\n"
        for set in report.sets {
            for phase in set.phases {
                xml += suite(set, phase, report)
            }
        }
        xml += "</testsuites>\n"
        return Data(xml.utf8)
    }

    private func suite(_ set: SetReport, _ phase: Phase, _ report: RunReport) -> String {
        let checks = set.checks(in: phase)
        let name = attr("\(set.name).\(phase.rawValue)")
        var xml = "  <testsuite name=\"\(name)\" tests=\"\(checks.count)\""
        xml +=
            " failures=\"\(checks.filter { $0.status == .fail }.count)\" "
            + "errors=\"\(checks.filter { $0.status == .error }.count)\""
        xml += " skipped=\"\(checks.filter { $0.status == .skip }.count)\" time=\"\(time(set.seconds(of: phase)))\""
        xml += " timestamp=\"\(attr(ISOTime.string(report.startedAt)))\" hostname=\"\(attr(report.host))\">\n"
        xml += "    <properties>\n"
        for (key, value) in properties(set, report) {
            xml += "      <property name=\"\(attr(key))\" value=\"\(attr(value))\"/>\n"
        }
        xml += "    </properties>\n"
        // Two rules on one glob are two checks of one name: CI keeps one case per name and
        // would hide the other, so the second is `name (2)`.
        var seen: [String: Int] = [:]
        for check in checks {
            seen[check.name, default: 0] += 1
            let caseName = seen[check.name]! == 1 ? check.name : "\(check.name) (\(seen[check.name]!))"
            xml += "    <testcase classname=\"\(name)\" name=\"\(attr(caseName))\" time=\"\(time(check.seconds))\""
            let body = XMLText.escape(details(check))
            switch check.status {
            case .pass:
                xml += "/>\n"
            case .warn:
                xml += ">\n      <system-out>WARN: \(body)</system-out>\n    </testcase>\n"
            case .fail:
                xml +=
                    ">\n      <failure type=\"fail\" message=\"\(attr(check.message))\">\(body)</failure>\n    "
                    + "</testcase>\n"
            case .error:
                xml +=
                    ">\n      <error type=\"error\" message=\"\(attr(check.message))\">\(body)</error>\n    "
                    + "</testcase>\n"
            case .skip:
                xml += ">\n      <skipped message=\"\(attr(check.message))\"/>\n    </testcase>\n"
            }
        }
        return xml + "  </testsuite>\n"
    }

    private func properties(_ set: SetReport, _ report: RunReport) -> [(String, String)] {
        var out: [(String, String)] = [
            ("tool.version", report.version), ("host", report.host), ("now", ISOTime.string(report.now)),
        ]
        if let plan = report.plan { out.append(("plan", plan)) }
        if let archive = set.archive {
            out.append(("archive.path", archive.path))
            out.append(("archive.size", String(archive.sizeBytes)))
            if let sha = archive.sha256 { out.append(("archive.sha256", sha)) }
            if let mtime = archive.mtime { out.append(("archive.mtime", ISOTime.string(mtime))) }
            out.append(("archive.format", ([archive.format] + archive.filters).joined(separator: " + ")))
            out.append(("archive.entries", String(archive.entries)))
        }
        return out
    }

    private func details(_ check: CheckResult) -> String {
        var lines = [check.message]
        for offender in check.offenders { lines.append("\(offender.name): \(offender.reason)") }
        if check.offenderCount > check.offenders.count {
            lines.append("… and \(check.offenderCount - check.offenders.count) more")
        }
        return lines.joined(separator: "\n")
    }

    private func attr(_ text: String) -> String { XMLText.escape(text, attribute: true) }
    /// Seconds to the microsecond: most checks take far less than a millisecond.
    private func time(_ seconds: Double) -> String { String(format: "%.6f", max(seconds, 0)) }
}
