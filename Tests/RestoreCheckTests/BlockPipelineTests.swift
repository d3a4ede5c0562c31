import Foundation
import Testing

/// Large files are written and hashed on a second thread: the digests must be those of the
/// bytes in order (a manifest of real sha256sum lines agrees, one changed byte is caught), and
/// an archive cut inside a large file ends as damage, never a hang.
@Suite struct BlockPipelineTests {
    private func tree(_ work: String) {
        let made = TestEnvironment.shell(
            """
            set -e; mkdir -p '\(work)/t/srv/media'; cd '\(work)/t'
            head -c 5000000 /dev/urandom > srv/media/a.bin
            head -c 3145728 /dev/urandom > srv/media/b.bin
            yes 'a line of text' | head -c 2500000 > srv/media/c.txt
            echo small > srv/small.txt
            sha256sum srv/media/a.bin srv/media/b.bin srv/media/c.txt srv/small.txt > SHA256SUMS
            """)
        #expect(made.code == 0, "\(made.all)")
    }

    @Test func largeFilesHashInOrderAndOneChangedByteIsCaught() throws {
        let work = TestEnvironment.scratch("pipeline")
        defer { TestEnvironment.remove(work) }
        tree(work)
        for (format, command) in [("zst", "tar --zstd -cf"), ("gz", "tar -czf"), ("xz", "tar -cJf")] {
            TestEnvironment.shell("cd '\(work)/t' && \(command) '\(work)/good.tar.\(format)' .")
            let good = TestEnvironment.verify(["--archive", "\(work)/good.tar.\(format)"], reports: work + "/r")
            #expect(good.code == 0, "\(format): \(good.all)")
        }
        TestEnvironment.shell(
            "cd '\(work)/t' && printf 'X' | dd of=srv/media/a.bin bs=1 seek=4000000 conv=notrunc 2>/dev/null "
                + "&& tar -czf '\(work)/bad.tar.gz' .")
        let bad = TestEnvironment.verify(["--archive", "\(work)/bad.tar.gz"], reports: work + "/r2")
        #expect(bad.code == 1 && bad.out.contains("srv/media/a.bin"), "\(bad.all)")
    }

    @Test func anArchiveCutInsideALargeFileIsDamageNotAHang() throws {
        let work = TestEnvironment.scratch("pipeline-cut")
        defer { TestEnvironment.remove(work) }
        tree(work)
        TestEnvironment.shell("cd '\(work)/t' && tar -cf - . | head -c 6000000 > '\(work)/cut.tar'")
        let cut = TestEnvironment.verify(["--archive", "\(work)/cut.tar"], reports: work + "/r")
        #expect(cut.code == 1, "\(cut.all)")
        #expect(cut.out.contains("readable"), "\(cut.out)")
    }
}
