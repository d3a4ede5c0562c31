import Foundation
import Testing

/// Every manifest form end to end against the demo backup: a correct one passes, a wrong
/// line fails and names the file.
@Suite struct ManifestFormsTests {
    private func verify(manifest command: String) throws -> TestEnvironment.Result {
        let work = TestEnvironment.scratch("manifest")
        defer { TestEnvironment.remove(work) }
        let made = TestEnvironment.shell(
            "set -e; cd '\(work)'; mkdir t; tar -xzf '\(TestEnvironment.demoArchive)' -C t; \(command)")
        try #require(made.code == 0, "\(made.all)")
        return TestEnvironment.verify(
            ["--archive", TestEnvironment.demoArchive, "--manifest", work + "/m"], reports: work + "/r")
    }

    @Test(arguments: ["sha256sum --tag", "sha512sum --tag", "md5sum", "sha1sum", "sha512sum"])
    func checksumListsPass(_ tool: String) throws {
        let result = try verify(
            manifest: "(cd t && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 \(tool)) > m")
        #expect(result.code == 0, "\(tool): \(result.all)")
    }

    @Test func aWrongDigestInABSDTagListFails() throws {
        let result = try verify(
            manifest: "(cd t && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum --tag) > m && "
                + "sed -i -E '/index.php/s/= [0-9a-f]{8}/= 00000000/' m")
        #expect(result.code == 1 && result.out.contains("var/www/html/index.php"), "\(result.all)")
    }

    @Test func anMtreeModeThatDiffersFailsMetadata() throws {
        let result = try verify(
            manifest:
                "sed -E '/wp-config.php/s/mode=[0-7]+/mode=600/' '\(TestEnvironment.fixtures)/tree.bsdtar.mtree' > m")
        #expect(
            result.code == 1 && result.out.contains("metadata") && result.out.contains("wp-config.php"), "\(result.all)"
        )
    }

    @Test func aListedFileMissingFromTheArchiveFails() throws {
        let result = try verify(
            manifest: "cp '\(TestEnvironment.fixtures)/tree.netbsd.mtree' m && "
                + "printf './var/www/html/gone.php type=file size=1 sha256digest=%064d\\n' 0 >> m")
        #expect(result.code == 1 && result.out.contains("gone.php"), "\(result.all)")
    }
}
