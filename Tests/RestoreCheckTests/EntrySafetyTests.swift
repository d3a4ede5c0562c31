import Testing

@testable import RestoreCheck

@Suite struct EntrySafetyTests {
    private func components(_ path: String) -> [[UInt8]] {
        path.split(separator: "/").map { Array($0.utf8) }
    }

    @Test func absoluteSymlinksAreRewrittenToStayInTheSandbox() {
        let target = EntrySafety.sandboxTarget(
            Array("/etc/nginx/sites-available/default".utf8),
            linkPath: components("etc/nginx/sites-enabled/default"))
        #expect(target.map { String(decoding: $0, as: UTF8.self) } == "../../../etc/nginx/sites-available/default")
    }

    @Test func relativeSymlinksClimbingAboveTheRootEscape() {
        #expect(EntrySafety.sandboxTarget(Array("../../../../etc".utf8), linkPath: components("var/www/x")) == nil)
        #expect(
            EntrySafety.sandboxTarget(
                Array("../sites-available/a".utf8), linkPath: components("etc/nginx/sites-enabled/a")) != nil)
    }
}
