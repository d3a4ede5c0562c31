import Foundation
import RestoreCheck

/// A damaged copy of the demo backup: unpacked, changed by a shell command, repacked with GNU
/// tar keeping owners, and verified with the demo plan.
enum DemoCopy {
    /// Verifies the changed copy; reports land in `work/reports`.
    static func verify(after change: String, in work: String, plan: String = TestEnvironment.demoPlan) throws
        -> TestEnvironment.Result
    {
        let made = TestEnvironment.shell(
            """
            set -e; cd '\(work)'; mkdir t backups
            tar -xzpf '\(TestEnvironment.demoArchive)' -C t --same-owner --numeric-owner
            cd t; \(change); cd ..
            printf '+1500 deploy:1500\\n+5000 vmail:5000\\n' > map
            tar --owner-map=map --group-map=map -czf backups/demo-2026-11-26.tar.gz -C t .
            """)
        guard made.code == 0 else { throw CopyError(output: made.all) }
        return TestEnvironment.verify(
            [
                plan, "--archive", work + "/backups/demo-2026-11-26.tar.gz",
                "--now", TestEnvironment.demoNow,
            ], reports: work + "/reports")
    }

    struct CopyError: Error { var output: String }

    /// The checks of the last run in `work/reports`, by name.
    static func checks(_ work: String) -> [String: CheckResult] {
        var out: [String: CheckResult] = [:]
        for check in TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work + "/reports"))) {
            out[check.name] = check
        }
        return out
    }
}
