import Foundation
import RestoreCheck
import Testing

/// An archive made from a sub-directory is checked with production paths through `layout:`.
@Suite struct LayoutTests {
    @Test func prefixAndStripComponentsMapNamesToProductionPaths() throws {
        let work = TestEnvironment.scratch("layout")
        defer { TestEnvironment.remove(work) }
        let archive = ArchiveBuilder(work + "/site.tar.gz", filter: .gzip)
        archive.directory("site-2026-11-26")
        archive.file("site-2026-11-26/html/index.php", "<?php echo 1;", mode: 0o640, owner: "www-data", uid: 33)
        archive.close()
        let plan = """
            sets:
              - name: site
                source: { archive: site.tar.gz }
                layout: { prefix: /var/www, strip_components: 1 }
                expect:
                  - path: /var/www/html/index.php
                    mode: "0640"
                    owner: www-data
                  - path: /var/www/html/missing.php
            """
        try plan.write(toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        let result = TestEnvironment.verify([work + "/plan.yml"], reports: work + "/reports")
        #expect(result.code == 1, "\(result.all)")
        let checks = TestEnvironment.checks(inReport: (TestEnvironment.latestReport(work + "/reports")))
        func status(_ name: String) -> String? { checks.first { $0.name == name }?.status.rawValue }
        #expect(status("expect /var/www/html/index.php exists") == "pass")
        #expect(status("expect /var/www/html/index.php mode") == "pass")
        #expect(status("expect /var/www/html/index.php owner") == "pass")
        #expect(status("expect /var/www/html/missing.php exists") == "fail")
    }
}
