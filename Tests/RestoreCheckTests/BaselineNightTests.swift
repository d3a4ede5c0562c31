import Foundation
import RestoreCheck
import Testing

@testable import RestoreCheck

/// A baseline must stay quiet the next night: what churns (logs, caches, sessions) is left out
/// of its rules and its spec and listed in `ignore:`, which every check obeys; what matters (a
/// secret's mode, a config line) still fails by name. On a real `/etc` the plan stays readable.
@Suite struct BaselineNightTests {
    /// The demo's tree with a log, a cache and an app config holding a database password.
    private func tree(_ work: String) -> String {
        let live = work + "/live"
        let made = TestEnvironment.shell(
            """
            set -e; mkdir -p '\(live)'
            tar -xzpf '\(TestEnvironment.demoArchive)' -C '\(live)' --same-owner --numeric-owner
            mkdir -p '\(live)/var/log/nginx' '\(live)/var/cache/app' '\(live)/srv/app'
            echo 'GET / 200' > '\(live)/var/log/nginx/access.log'
            echo 'cached page' > '\(live)/var/cache/app/page.html'
            printf '[database]\\nhost = localhost\\ndb_password = Xk9-tr0ub4dor\\n' > '\(live)/srv/app/settings.ini'
            chmod 0640 '\(live)/srv/app/settings.ini'
            """)
        #expect(made.code == 0, "\(made.all)")
        return live
    }

    /// Packed as the demo was: owners by name (deploy and vmail have no account here).
    private func archive(_ live: String, to path: String) {
        let made = TestEnvironment.shell(
            "printf '+1500 deploy:1500\\n+5000 vmail:5000\\n' > '\(path).map' && "
                + "tar --owner-map='\(path).map' --group-map='\(path).map' -czf '\(path)' -C '\(live)' .")
        #expect(made.code == 0, "\(made.all)")
    }

    private func baseline(_ work: String, _ live: String) throws -> String {
        let made = TestEnvironment.run(
            TestEnvironment.binary,
            ["baseline", live, "--out", work + "/plan.yml", "--manifest", work + "/tree.mtree", "--scratch", work])
        try #require(made.code == 0, "\(made.all)")
        return work + "/plan.yml"
    }

    @Test func theNextNightPassesWhenOnlyWhatChurnsChanged() throws {
        let work = TestEnvironment.scratch("baseline-night")
        defer { TestEnvironment.remove(work) }
        let live = tree(work)
        let plan = try baseline(work, live)
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(text.contains("manifest: \"tree.mtree\""), "the plan uses the spec it wrote")
        #expect(text.contains("- \"/var/log/**\"") && text.contains("- \"/var/cache/**\""), "\(text.prefix(900))")
        #expect(text.contains("\"/srv/app/settings.ini\""), "a secret found by its content")
        let spec = try String(contentsOfFile: work + "/tree.mtree", encoding: .utf8)
        #expect(!spec.contains("access.log") && !spec.contains("page.html"), "volatile files stay out of the spec")
        TestEnvironment.shell(
            "echo 'GET /x 404' >> '\(live)/var/log/nginx/access.log'; echo new > '\(live)/var/cache/app/other.html';"
                + "rm '\(live)/var/cache/app/page.html'")
        archive(live, to: work + "/night.tar.gz")
        let night = TestEnvironment.verify([plan, "--archive", work + "/night.tar.gz"], reports: work + "/r")
        #expect(night.code == 0, "\(night.all)")
    }

    @Test func aSecretsModeOrAConfigLineFailsByName() throws {
        let work = TestEnvironment.scratch("baseline-secret")
        defer { TestEnvironment.remove(work) }
        let live = tree(work)
        let plan = try baseline(work, live)
        TestEnvironment.shell("chmod 0644 '\(live)/srv/app/settings.ini'")
        archive(live, to: work + "/mode.tar.gz")
        let mode = TestEnvironment.verify([plan, "--archive", work + "/mode.tar.gz"], reports: work + "/r")
        #expect(
            mode.code == 1 && mode.out.contains("/srv/app/settings.ini has mode 0644, expected 0640"), "\(mode.out)")
        TestEnvironment.shell(
            "chmod 0640 '\(live)/srv/app/settings.ini'; echo '# changed' >> '\(live)/etc/nginx/nginx.conf'")
        archive(live, to: work + "/line.tar.gz")
        let line = TestEnvironment.verify([plan, "--archive", work + "/line.tar.gz"], reports: work + "/r2")
        #expect(line.code == 1 && line.out.contains("etc/nginx/nginx.conf"), "\(line.out)")
        #expect(line.out.contains("checksums"), "\(line.out)")
    }

    @Test func anExistingPlanIsKeptWithoutForce() throws {
        let work = TestEnvironment.scratch("baseline-force")
        defer { TestEnvironment.remove(work) }
        try "# edited by hand\n".write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let refused = TestEnvironment.run(
            TestEnvironment.binary, ["baseline", tree(work), "--out", work + "/plan.yml", "--scratch", work])
        #expect(refused.code == 64 && refused.err.contains("--force"), "\(refused.all)")
        #expect(try String(contentsOfFile: work + "/plan.yml", encoding: .utf8) == "# edited by hand\n")
        let forced = TestEnvironment.run(
            TestEnvironment.binary,
            ["baseline", work + "/live", "--out", work + "/plan.yml", "--scratch", work, "--force"])
        #expect(forced.code == 0, "\(forced.all)")
    }

    /// This machine's own /etc: a plan a person can read, that verifies its archive.
    @Test func aRealEtcGivesAShortPlanThatVerifies() throws {
        let work = TestEnvironment.scratch("baseline-etc")
        defer { TestEnvironment.remove(work) }
        let made = TestEnvironment.shell(
            "tar --numeric-owner -czf '\(work)/etc-2026-12-03.tar.gz' -C / etc 2>/dev/null; true")
        try #require(made.code == 0)
        let baseline = TestEnvironment.run(
            TestEnvironment.binary,
            [
                "baseline", work + "/etc-2026-12-03.tar.gz", "--out", work + "/plan.yml", "--manifest",
                work + "/etc.mtree", "--scratch", work,
            ])
        try #require(baseline.code == 0, "\(baseline.all)")
        let lines = try String(contentsOfFile: work + "/plan.yml", encoding: .utf8).split(separator: "\n")
        #expect(lines.count <= 400, "\(lines.count) lines")
        #expect(!lines.contains { $0.contains("owner: \"\"") }, "no empty owner names")
        let result = TestEnvironment.verify(
            [work + "/plan.yml", "--archive", work + "/etc-2026-12-03.tar.gz"], reports: work + "/r")
        #expect(result.code == 0, "\(result.all.suffix(1500))")
    }

    @Test func theSetIsNamedAfterThisServersCopiesOnly() {
        #expect(BaselinePlanWriter.stem("web-2026-11-26.tar.gz") == "web")
        #expect(BaselinePlanWriter.stem("web2-20261126.tar.zst") == "web2")
        #expect(BaselinePlanWriter.pattern("web-2026-11-26.tar.gz") == "web-*")
        #expect(BaselinePlanWriter.pattern("shop_2026_11_26.tgz") == "shop_*")
        #expect(BaselinePlanWriter.stem("demo-2026-11-26.tar.gz") == "demo")
    }
}
