import Foundation
import Testing

/// What people and monitors read: the HTML page (rendered by headless Chromium), the
/// Prometheus metrics (checked by promtool), the history, and the terminal.
@Suite(.serialized) struct ReportOutputTests {
    /// A failing copy of the demo: one file changed, one dump truncated, and an entry whose
    /// name is markup.
    private func failingRun(_ work: String) throws -> (TestEnvironment.Result, String) {
        let result = try DemoCopy.verify(
            after: """
                echo '// changed' >> var/www/html/index.php; \
                gzip -dc var/backups/db/shop.sql.gz | head -c 7000 | gzip -9n > x && mv x var/backups/db/shop.sql.gz; \
                printf 'hostile' > 'var/www/html/<script>alert(1)<b onmouseover=alert(2)>.txt'; chmod 4755 \
                'var/www/html/<script>alert(1)<b onmouseover=alert(2)>.txt'
                """, in: work)
        return (result, TestEnvironment.latestReport(work + "/reports", "report.html"))
    }

    @Test func theHTMLShowsFailuresFirstAndRendersWithoutScripts() throws {
        let work = TestEnvironment.scratch("html")
        defer { TestEnvironment.remove(work) }
        let (result, page) = try failingRun(work)
        #expect(result.code == 1)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"))
        #expect(!html.lowercased().contains("<script"), "markup leaked into the page")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;b onmouseover=alert(2)&gt;.txt"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"), "the page would fetch something")
        // Both failures come before the per-phase tables.
        let attention = try #require(html.range(of: "Needs attention"))
        let phases = try #require(html.range(of: "Checks by phase"))
        let checksums = try #require(html.range(of: "files · checksums"))
        let dump = try #require(html.range(of: "db · import /var/backups/db/shop.sql.gz"))
        #expect(attention.lowerBound < checksums.lowerBound && checksums.lowerBound < phases.lowerBound)
        #expect(dump.lowerBound < phases.lowerBound)

        // Chromium loads it with no script run: the DOM it ends with has no script element and
        // the hostile name is text, and it can be screenshot for a person to read.
        let dom = TestEnvironment.run(
            "/usr/bin/chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + page])
        #expect(dom.code == 0, "\(dom.err)")
        #expect(dom.out.contains("FAIL — the backup did not verify"))
        #expect(!dom.out.lowercased().contains("<script"))
        #expect(dom.out.contains("&lt;script&gt;alert(1)"))
        let shot = work + "/shot.png"
        TestEnvironment.run(
            "/usr/bin/chromium",
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1200,1800", "--screenshot=\(shot)", "file://" + page,
            ])
        let png = DumpFixture.bytes(shot)
        #expect(png.count > 20_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "no screenshot")
    }

    @Test func metricsPassPromtoolAndHistoryListsBothRuns() throws {
        let work = TestEnvironment.scratch("metrics")
        defer { TestEnvironment.remove(work) }
        let metrics = work + "/restorecheck.prom"
        let args = [TestEnvironment.demoPlan, "--now", TestEnvironment.demoNow, "--metrics-file", metrics]
        #expect(TestEnvironment.verify(args, reports: work + "/r").code == 0)
        sleep(1)
        let second = TestEnvironment.verify(args, reports: work + "/r")
        #expect(second.code == 0)
        #expect(second.out.contains("last passed: 20"), "\(second.out)")
        let promtool = TestEnvironment.shell("promtool check metrics < '\(metrics)'")
        #expect(promtool.code == 0, "\(promtool.all)")
        let text = (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? ""
        for name in [
            "restorecheck_last_success_timestamp_seconds{set=\"demo\"}",
            "restorecheck_verdict{set=\"demo\",verdict=\"pass\"} 1",
            "restorecheck_checks{set=\"demo\",status=\"pass\"}", "restorecheck_rows_imported{set=\"demo\"} 202",
            "restorecheck_phase_duration_seconds{set=\"demo\",phase=\"db\"}",
            "restorecheck_backup_age_seconds{set=\"demo\"} 13800",
        ] {
            #expect(text.contains(name), "metrics lack \(name)")
        }
        let history = TestEnvironment.run(TestEnvironment.binary, ["history", "--report-dir", work + "/r"])
        #expect(history.code == 0)
        #expect(
            history.out.components(separatedBy: "\n").filter { $0.contains(" demo ") && $0.contains("PASS") }.count
                == 2, "\(history.out)")
        let html =
            (try? String(contentsOfFile: TestEnvironment.latestReport(work + "/r", "report.html"), encoding: .utf8))
            ?? ""
        #expect(html.contains("History (last 1 runs)"))
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: work + "/r/demo")) ?? []
        #expect(runs.filter { $0.hasPrefix("20") }.count == 2 && runs.contains("latest"), "\(runs)")
    }

    @Test func aPipeGetsPlainTextAndATerminalGetsProgressAndColour() throws {
        let work = TestEnvironment.scratch("tty")
        defer { TestEnvironment.remove(work) }
        let piped = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", TestEnvironment.demoNow], reports: work + "/r")
        #expect(!piped.all.contains("\u{1B}"))
        let command =
            "'\(TestEnvironment.binary)' verify '\(TestEnvironment.demoPlan)' --now \(TestEnvironment.demoNow) "
            + "--report-dir '\(work)/r2' --scratch '\(work)/s'"
        let terminal = TestEnvironment.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(terminal.out.contains("restoring:"), "\(terminal.out)")
        #expect(terminal.out.contains("\u{1B}[32mok"))
        let plain = TestEnvironment.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1", "TERM": "xterm"])
        #expect(!plain.out.contains("\u{1B}[32m"))
        #expect(plain.out.contains("verdict: PASS"))
        // Cron mails whatever a job prints: a quiet run that passes prints nothing at all.
        let quiet = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", TestEnvironment.demoNow, "-q"], reports: work + "/r3")
        #expect(quiet.code == 0 && quiet.out.isEmpty && quiet.err.isEmpty, "\(quiet.all)")
    }

    /// A quiet run that does not pass prints its summary (the failures and the verdict) on
    /// standard error, and nothing on standard output; the exit code is unchanged.
    @Test func aQuietRunThatFailsSaysWhyOnStandardError() throws {
        let work = TestEnvironment.scratch("quiet-fail")
        defer { TestEnvironment.remove(work) }
        let stale = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", "2026-12-20T06:00:00Z", "-q"], reports: work + "/r")
        #expect(stale.code == 1, "\(stale.all)")
        #expect(stale.out.isEmpty, "\(stale.out)")
        #expect(stale.err.contains("FAIL") && stale.err.contains("verdict: FAIL"), "\(stale.err)")
    }
}
