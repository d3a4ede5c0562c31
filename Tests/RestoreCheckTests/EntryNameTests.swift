import Testing

@testable import RestoreCheck

@Suite struct EntryNameTests {
    @Test func validUTF8StaysReadable() {
        #expect(EntryName.key(Array("Café menu été.txt".utf8)) == "Café menu été.txt")
    }

    @Test func controlCharactersAndInvalidBytesBecomeEscapes() {
        #expect(EntryName.key([0x61, 0x0A, 0x62]) == "a\\x0ab")
        #expect(EntryName.key([0x61, 0xFF, 0xC3]) == "a\\xff\\xc3")
        #expect(EntryName.key([0xED, 0xA0, 0x80]) == "\\xed\\xa0\\x80") // an encoded surrogate is not UTF-8
    }

    @Test func absoluteAndClimbingNamesHaveNoSafeComponents() {
        #expect(EntryName.safeComponents(Array("/etc/passwd".utf8)) == nil)
        #expect(EntryName.safeComponents(Array("a/../../b".utf8)) == nil)
        #expect(EntryName.safeComponents(Array("./a//b/./c".utf8))?.count == 3)
    }

    @Test func manifestNamesNormalizeLikeArchiveNames() {
        #expect(EntryName.normalizedKey(Array("./var/www/".utf8)) == "var/www")
        #expect(EntryName.normalizedKey(Array("/var/www".utf8)) == "var/www")
    }
}
