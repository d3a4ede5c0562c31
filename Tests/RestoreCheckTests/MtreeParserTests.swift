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

    /// Descending costs the name, not the depth: 2000 levels read at once with the right
    /// keys, and a spec nesting past PATH_MAX (a 200k-level one gave no verdict in 600 s) is
    /// refused naming its line.
    @Test func deepNestingIsLinearAndBounded() throws {
        func spec(_ depth: Int) -> [UInt8] {
            var text = "#mtree\n. type=dir\n"
            for _ in 0..<depth { text += "d type=dir\n" }
            text += "f type=file size=0\n" + String(repeating: "..\n", count: depth + 1)
            return Array(text.utf8)
        }
        let entries = try MtreeParser(origin: "deep").parse(spec(2000))
        #expect(entries.count == 2001)
        #expect(entries.last?.key == Array(repeating: "d", count: 2000).joined(separator: "/") + "/f")
        #expect(entries.last?.line == 2003)
        #expect(throws: RestoreCheckError.self) { try MtreeParser(origin: "deep").parse(spec(200_000)) }
        do { _ = try MtreeParser(origin: "deep").parse(spec(200_000)) } catch {
            #expect("\(error)".contains("deep:2050") && "\(error)".contains("PATH_MAX"), "\(error)")
        }
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
