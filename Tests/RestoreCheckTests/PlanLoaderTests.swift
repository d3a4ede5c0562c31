import Foundation
import Testing

@testable import RestoreCheck

@Suite struct PlanLoaderTests {
    private func parse(_ text: String) throws -> Plan {
        try PlanLoader().parse(text, file: "plan.yml", baseDirectory: "/srv/plans")
    }

    private func planError(_ text: String) -> RestoreCheckError? {
        do {
            _ = try parse(text)
            return nil
        } catch { return error as? RestoreCheckError }
    }

    @Test func aThreeLinePlanGetsDefaults() throws {
        let plan = try parse("sets:\n  - name: shop\n    source: { latest: backups }\n")
        #expect(plan.sets[0].source.latest == "/srv/plans/backups")
        #expect(plan.sets[0].manifest == .auto)
        #expect(plan.reports.formats == [.junit, .json, .html])
    }

    @Test func readsRules() throws {
        let plan = try parse(
            """
            sets:
              - name: shop
                schedule: daily
                expect:
                  - path: /var/www/html/wp-config.php
                    mode: "0640"
                    owner: www-data
                  - glob: /var/www/**/*.jpg
                    min_count: 10
                    min_size: 1KiB
            """)
        let rules = plan.sets[0].expect
        #expect(rules[0].mode == 0o640 && rules[0].owner == "www-data" && rules[0].line == 5)
        #expect(rules[1].selector == .glob("/var/www/**/*.jpg") && rules[1].minSize == 1024)
        #expect(plan.sets[0].maxAge == TimeInterval(26 * 3600))
    }

    @Test func unknownKeyNamesTheKeyAndLine() {
        let error = planError("sets:\n  - name: shop\n    expect:\n      - path: /a\n        mdoe: \"0640\"\n")
        #expect(error?.kind == .plan && error?.line == 5 && error?.message.contains("mdoe") == true)
        #expect(error?.exitCode == 78)
    }

    @Test func badValuesAreRejected() {
        #expect(planError("sets:\n  - name: s\n    expect:\n      - path: /a\n        mode: \"0999\"\n")?.line == 5)
        #expect(planError("sets:\n  - name: s\n    expect:\n      - path: relative/path\n")?.kind == .plan)
        #expect(planError("sets:\n  - name: s\n    schedule: fortnightly\n")?.message.contains("fortnightly") == true)
        #expect(planError("sets:\n  - name: s\n    limits: { max_bytes: lots }\n")?.kind == .plan)
        #expect(planError("sets: [\n")?.kind == .plan)
        #expect(planError("sets:\n  - name: a\n  - name: a\n")?.message.contains("unique") == true)
    }

    /// A key given twice in a set (two `databases:` lists, an easy slip when pasting) names
    /// the key and a line, in one line: not the whole set quoted back.
    @Test func aKeyGivenTwiceIsNamedWithItsLine() {
        let error = planError(
            "sets:\n  - name: shop\n    databases:\n      - dump: /a.sql\n    schedule: daily\n"
                + "    databases:\n      - dump: /b.sql\n")
        #expect(error?.kind == .plan && error?.message.contains("'databases' is given twice") == true)
        #expect(error?.line != nil && error?.message.contains("\n") == false, "\(String(describing: error))")
    }
}
