import Testing

@testable import RestoreCheck

@Suite struct ChecksumListParserTests {
    let sha = String(repeating: "ab", count: 32)

    @Test func readsGNUTextAndBinaryLines() throws {
        let text = "\(sha)  ./var/www/index.php\n\(sha) *etc/hosts\n"
        let entries = try ChecksumListParser(origin: "SUMS").parse(Array(text.utf8))
        #expect(entries.map(\.key) == ["var/www/index.php", "etc/hosts"])
        #expect(entries[0].digests[.sha256]?.description == sha)
    }

    @Test func decodesEscapedNames() throws {
        let text = "\\\(sha)  dir/a\\\\b\\nc\n"
        let entries = try ChecksumListParser(origin: "SUMS").parse(Array(text.utf8))
        #expect(entries.first?.key == "dir/a\\b\\x0ac")
    }

    @Test func readsBSDTagsForEveryAlgorithm() throws {
        let md5 = String(repeating: "0", count: 32)
        let sha1 = String(repeating: "1", count: 40)
        let sha512 = String(repeating: "f", count: 128)
        let text = "MD5 (a) = \(md5)\nSHA1 (b) = \(sha1)\nSHA256 (odd ) = name) = \(sha)\nSHA512 (d) = \(sha512)\n"
        let entries = try ChecksumListParser(origin: "SUMS").parse(Array(text.utf8))
        #expect(entries.map(\.key) == ["a", "b", "odd ) = name", "d"])
        #expect(
            entries[0].digests[.md5] != nil && entries[1].digests[.sha1] != nil && entries[3].digests[.sha512] != nil)
    }

    @Test func badLineIsAnErrorNamingFileAndLine() {
        let text = "\(sha)  ok\nnot a checksum line\n"
        #expect {
            try ChecksumListParser(origin: "SUMS").parse(Array(text.utf8))
        } throws: { error in
            let error = error as? RestoreCheckError
            return error?.line == 2 && error?.path == "SUMS"
        }
    }
}
