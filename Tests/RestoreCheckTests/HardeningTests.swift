import Foundation
import RestoreCheck
import Testing

/// What a verifier running unattended every night must survive: cron's empty environment,
/// hostile names and numbers in plans, and concurrent runs.
@Suite struct HardeningTests {
    /// A file named in UTF-8, packed as a zip (UTF-8 flag) and as pax, verified the way cron
    /// runs a job: with no environment at all. In the "C" locale libarchive cannot convert the
    /// zip's name (the entry was refused) and warns on the pax one (a failure under --strict).
    @Test(arguments: ["names.zip", "names.tar"])
    func nonASCIINamesRestoreWithNoLanguageSet(_ archive: String) throws {
        let work = TestEnvironment.scratch("locale")
        defer { TestEnvironment.remove(work) }
        let made = TestEnvironment.shell(
            """
            set -e; cd '\(work)'; mkdir t; printf 'menu' > 't/Café menu été.txt'
            python3 -c "import zipfile; z = zipfile.ZipFile('names.zip', 'w'); \
            z.write('t/Café menu été.txt', 'Café menu été.txt'); z.close()"
            bsdtar --format pax -cf names.tar -C t .
            """)
        try #require(made.code == 0, "\(made.all)")
        let result = TestEnvironment.run(
            TestEnvironment.binary,
            ["verify", "--archive", work + "/" + archive, "--strict", "--report-dir", work + "/r", "--scratch", work],
            emptyEnvironment: true)
        #expect(result.code == 0, "\(result.all)")
        let checks = TestEnvironment.checks(inReport: TestEnvironment.latestReport(work + "/r"))
        #expect(checks.first { $0.name == "readable" }?.message.contains("warning") == false, "\(checks)")
        #expect(checks.first { $0.name == "safety" }?.status == .pass)
    }
}
