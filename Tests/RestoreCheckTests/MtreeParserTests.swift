import Foundation
import Testing

@testable import RestoreCheck

@Suite struct MtreeParserTests {
    @Test func decodesVisEscapes() {
        #expect(
            MtreeEscapes.decode(Array("Caf\\M-C\\M-)\\smenu".utf8)).map { String(decoding: $0, as: UTF8.self) }
                == "Café menu")
        #expect(MtreeEscapes.decode(Array("a\\040b\\\\c".utf8)).map { String(decoding: $0, as: UTF8.self) } == "a b\\c")
        #expect(MtreeEscapes.decode(Array("tab\\tend\\^A".utf8)) == Array("tab\tend".utf8) + [1])
    }

    @Test func readsBsdtarFullPathSpecFromTheDemo() throws {
        let bytes = try #require(FileManager.default.contents(atPath: TestEnvironment.fixtures + "/tree.bsdtar.mtree"))
        let manifest = try Manifest.parse(Array(bytes), origin: "tree.bsdtar.mtree")
        #expect(manifest.kind == .mtree)
        let config = try #require(manifest.entries.first { $0.key == "var/www/html/wp-config.php" })
        #expect(config.mode == 0o640 && config.uname == "www-data" && config.digests[.sha256] != nil)
        #expect(manifest.entries.contains { $0.key == "var/www/html/static/Café menu été 2026.txt" })
        #expect(
            manifest.entries.first { $0.key == "etc/nginx/sites-enabled/default" }?.link
                == "/etc/nginx/sites-available/default")
    }

    @Test func readsNetBSDHierarchicalSpecFromTheDemo() throws {
        let bytes = try #require(FileManager.default.contents(atPath: TestEnvironment.fixtures + "/tree.netbsd.mtree"))
        let manifest = try Manifest.parse(Array(bytes), origin: "tree.netbsd.mtree")
        #expect(
            manifest.entries.contains {
                $0.key == "var/www/html/static/Café menu été 2026.txt" && $0.digests[.sha256] != nil
            })
        #expect(manifest.entries.first { $0.key == "home/deploy/.ssh/authorized_keys" }?.mode == 0o600)
        #expect(manifest.entries.first { $0.key == "var/mail/vhosts/example.com/alice/cur" }?.type == .directory)
    }

    @Test func setDefaultsContinuationLinesAndClimbing() throws {
        let text =
            "#mtree\n/set type=file uid=0 mode=0644\n. type=dir\n  sub type=dir mode=0755\n    f size=3 \\\n      "
            + "mode=0600\n  ..\n  g\n..\n"
        let entries = try MtreeParser(origin: "spec").parse(Array(text.utf8))
        #expect(entries.map(\.key) == ["sub", "sub/f", "g"])
        #expect(entries[1].mode == 0o600 && entries[1].size == 3 && entries[2].mode == 0o644)
    }

    @Test func unknownKeywordIsAnErrorWithItsLine() {
        #expect(throws: RestoreCheckError.self) {
            try MtreeParser(origin: "spec").parse(Array("#mtree\n./a type=file colour=red\n".utf8))
        }
    }
}
