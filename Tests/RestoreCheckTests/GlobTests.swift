import Testing

@testable import RestoreCheck

@Suite struct GlobTests {
    @Test func doubleStarSpansAnyNumberOfDirectories() {
        let glob = Glob("/var/www/**/*.jpg")
        #expect(glob.matches("/var/www/a.jpg"))
        #expect(glob.matches("/var/www/uploads/2026/11/a.jpg"))
        #expect(!glob.matches("/var/www/uploads/a.png"))
        #expect(!glob.matches("/var/mail/a.jpg"))
    }

    @Test func singleStarStaysInOneComponent() {
        #expect(Glob("/etc/*.conf").matches("/etc/nginx.conf"))
        #expect(!Glob("/etc/*.conf").matches("/etc/nginx/nginx.conf"))
    }

    @Test func classesAndQuestionMarks() {
        #expect(Glob("/logs/app-[0-9].log").matches("/logs/app-7.log"))
        #expect(!Glob("/logs/app-[!0-9].log").matches("/logs/app-7.log"))
        #expect(Glob("/a/?.txt").matches("/a/b.txt"))
        #expect(!Glob("/a/?.txt").matches("/a/bc.txt"))
    }
}
