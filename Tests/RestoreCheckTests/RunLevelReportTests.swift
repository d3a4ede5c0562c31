import Foundation
import RestoreCheck
import Testing

/// A plan of several sets is one run: one page, one JUnit and one JSON for all of them under
/// `REPORT-DIR/runs/<UTC>/`, the failing set first and named on the console's last line; each
/// set's own page says what, where and when, and never draws a failed copy green.
@Suite struct RunLevelReportTests {
    static let twoSets = """
        sets:
          - name: good
            source: { archive: \(TestEnvironment.demoArchive) }
          - name: bad
            source: { archive: \(TestEnvironment.demoArchive) }
            expect:
              - { glob: "/var/www/html/**/*.php", min_count: 1 }
              - { glob: "/var/www/html/**/*.php", min_count: 100000 }
        """

    @Test func aRunOfTwoSetsHasOnePageNamingTheFailingSetFirst() throws {
        let work = TestEnvironment.scratch("runlevel")
        defer { TestEnvironment.remove(work) }
        try Self.twoSets.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/r")
        #expect(result.code == 1, "\(result.all)")
        let last = result.out.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("bad.files: expect"), "\(last)")
        #expect(last.hasSuffix("/index.html") && last.contains("report: \(work)/r/runs/2"), "\(last)")
        let page = String(last[last.range(of: "report: ")!.upperBound...])
        #expect(URL(fileURLWithPath: page).deletingLastPathComponent().path.hasPrefix(work + "/r/runs/"))

        let html = try String(contentsOfFile: page, encoding: .utf8)
        let bad = try #require(html.range(of: ">bad</a>"))
        let good = try #require(html.range(of: ">good</a>"))
        #expect(bad.lowerBound < good.lowerBound, "the failing set is listed first")
        #expect(html.contains("min_count") || html.contains("expect /var/www/html/**/*.php"), "failures named")
        // Each link leads to that set's own page of this run.
        let links = html.matches(of: #/href="([^"]+)"/#).map { String($0.1) }
        #expect(links.count == 2, "\(links)")
        let directory = URL(fileURLWithPath: page).deletingLastPathComponent()
        for link in links {
            let target = directory.appendingPathComponent(link).standardized.path
            #expect(FileManager.default.fileExists(atPath: target), "\(link) → \(target)")
        }

        let junit = work + "/r/runs/latest/junit.xml"
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("name=\"good.archive\"") && xml.contains("name=\"bad.files\""))
        let cases = xml.matches(of: #/<testcase classname="([^"]*)" name="([^"]*)"/#).map { "\($0.1) \($0.2)" }
        #expect(Set(cases).count == cases.count, "duplicate case names")
        let schema = TestEnvironment.shell("xmllint --noout --schema '\(TestEnvironment.schema)' '\(junit)'")
        #expect(schema.code == 0, "\(schema.all)")
        let json = try JSONReporter.decode(Data(contentsOf: URL(fileURLWithPath: work + "/r/runs/latest/report.json")))
        #expect(json.sets.map(\.name) == ["good", "bad"] && json.verdict == .fail)
    }

    /// The demo judged three weeks late: its newest copy is restored but fails freshness, so
    /// its bar is red, and the chart's labels stand apart.
    @Test func aFailedCopyIsNeverGreenAndTheChartsLabelsDoNotOverlap() throws {
        let work = TestEnvironment.scratch("copies-colour")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", "2026-12-20T06:00:00Z"], reports: work + "/r")
        #expect(result.code == 1, "\(result.all)")
        let html = try String(contentsOfFile: work + "/r/demo/latest/report.html", encoding: .utf8)
        let newest = try #require(
            html.firstMatch(of: #/<rect [^>]*fill="(#[0-9a-f]+)"><title>demo-2026-11-26[^<]*/#))
        #expect(newest.1 == "#cf222e", "\(newest.0)")
        #expect(html.contains("<p class=\"run\">archive <code>"), "archive, host and time at the top")
        for row in ["136", "150"] {
            let labels = html.matches(of: #/<text x="(\d+)" y="(\d+)" font-size="(\d+)"[^>]*>([^<]*)</text>/#)
                .filter { $0.2 == row }.map { (x: Double($0.1)!, width: Double($0.4.count) * Double($0.3)! * 0.6) }
            #expect(labels.count >= 2)
            for (left, right) in zip(labels, labels.dropFirst()) {
                #expect(right.x - left.x >= (left.width + right.width) / 2, "labels overlap at y=\(row)")
            }
        }
    }

    /// A monitor that cannot be reached is a warning in the run's report and on its page, and
    /// the verdict is untouched.
    @Test func aFailedNotificationIsInTheReport() throws {
        let work = TestEnvironment.scratch("notify-report")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", TestEnvironment.demoNow, "--notify", "webhook=http://127.0.0.1:9/h"],
            reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        let json = try JSONReporter.decode(Data(contentsOf: URL(fileURLWithPath: work + "/r/runs/latest/report.json")))
        #expect(json.warnings.count == 1 && json.warnings[0].contains("webhook notification"), "\(json.warnings)")
        let page = try String(contentsOfFile: work + "/r/runs/latest/index.html", encoding: .utf8)
        #expect(page.contains("webhook notification to http://127.0.0.1:9/h failed"))
    }
}
