import Foundation
import Testing

/// Damaged archives made by real tools: every one fails `readable` (or `checksums`) and names
/// where the damage is; none passes.
@Suite struct DamagedArchiveTests {
    @discardableResult
    private func verdict(_ setup: String, _ file: String, expectInMessage: String? = nil) throws
        -> TestEnvironment.Result
    {
        let work = TestEnvironment.scratch("damaged")
        defer { TestEnvironment.remove(work) }
        let made = TestEnvironment.shell("cd '\(work)' && \(setup)")
        try #require(made.code == 0, "\(made.all)")
        let result = TestEnvironment.verify(["--archive", work + "/" + file], reports: work + "/reports")
        #expect(result.code == 1, "\(result.all)")
        if let expectInMessage { #expect(result.all.contains(expectInMessage), "\(result.all)") }
        return result
    }

    private let tree = "mkdir -p t/d && head -c 300000 /dev/urandom > t/d/big.bin && echo small > t/d/small.txt"

    @Test func truncatedTarGz() throws {
        let result = try verdict(
            "\(tree) && tar -czf full.tar.gz -C t . && head -c 150000 full.tar.gz > cut.tar.gz", "cut.tar.gz")
        #expect(result.all.contains("readable"))
        #expect(result.all.contains("big.bin"), "names the entry where the damage hit")
    }

    @Test func truncatedPlainTar() throws {
        try verdict(
            "\(tree) && tar -cf full.tar -C t . && head -c 100000 full.tar > cut.tar", "cut.tar",
            expectInMessage: "big.bin")
    }

    @Test(arguments: ["", " | gzip"])
    func tarCutAtAnEntryBoundary(_ filter: String) throws {
        // The first entry is one header block + 1024 data bytes; the cut drops the rest, marker included.
        try verdict(
            "mkdir t && head -c 1024 /dev/urandom > t/a.bin && echo b > t/b.txt && tar --sort=name -cf full.tar -C t "
                + "a.bin b.txt"
                + " && head -c 1536 full.tar\(filter) > cut", "cut", expectInMessage: "end-of-archive")
    }

    @Test func bitFlipInGzipIsCaughtEvenWhereLibarchiveIsSilent() throws {
        // Flip one byte in the gzip CRC trailer: the data inflates fine, only the CRC says no.
        let setup =
            "\(tree) && tar -czf a.tar.gz -C t . && size=$(stat -c %s a.tar.gz) && "
            + "printf '\\x00\\x00\\x00\\x00' | dd of=a.tar.gz bs=1 seek=$((size-8)) conv=notrunc status=none"
        try verdict(setup, "a.tar.gz", expectInMessage: "gzip")
    }

    @Test func zipWithABadCRC() throws {
        // Stored (-0), so the flipped byte is file data, not compressed stream: only the CRC tells.
        let setup =
            "\(tree) && echo payload-marker-content > t/d/note.txt && (cd t && zip -q -0 -r ../a.zip .) && "
            + "off=$(grep -obUa 'payload-marker' a.zip | head -1 | cut -d: -f1) && printf 'X' | dd of=a.zip bs=1 "
            + "seek=$off conv=notrunc status=none"
        try verdict(setup, "a.zip", expectInMessage: "note.txt")
    }

    @Test func emptyFileIsAFailureNotAPass() throws {
        try verdict(": > empty.tar", "empty.tar", expectInMessage: "empty")
    }

    @Test func randomBytesAreNotAnArchive() throws {
        try verdict("head -c 4096 /dev/urandom > junk.tar.gz", "junk.tar.gz")
    }

    @Test func decompressionBombStopsAtTheLimit() throws {
        let work = TestEnvironment.scratch("bomb")
        defer { TestEnvironment.remove(work) }
        TestEnvironment.shell(
            "cd '\(work)' && mkdir t && head -c 50000000 /dev/zero > t/zeros && tar -czf bomb.tar.gz -C t .")
        let result = TestEnvironment.verify(
            ["--archive", work + "/bomb.tar.gz", "--max-bytes", "1MiB"], reports: work + "/reports")
        #expect(result.code == 1)
        #expect(result.all.contains("limits") && result.all.contains("zeros"), "\(result.all)")
        let entries = TestEnvironment.verify(
            ["--archive", work + "/bomb.tar.gz", "--max-entries", "1"], reports: work + "/r2")
        #expect(entries.code == 1 && entries.all.contains("max_entries"), "\(entries.all)")
    }
}
