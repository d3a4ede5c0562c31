import CRCArchive
import Crypto

#if canImport(Glibc)
    import Glibc
#endif

/// The one owner of a libarchive read handle. It reads the archive from a file descriptor
/// through its own callback, so the raw (compressed) bytes are counted and hashed as
/// libarchive consumes them: the archive's SHA-256 and size come from the same single pass
/// that restores it. Confined to one thread (libarchive handles are not thread-safe).
public final class ArchiveReader {
    private let handle: OpaquePointer
    private let fd: Int32
    private let buffer: UnsafeMutableRawPointer
    private let bufferSize = 1 << 20
    /// The archive's own digests and gzip trailer check, fed on a second thread (`hasher`):
    /// hashing the compressed bytes need not wait for, nor hold up, their decompression.
    private final class RawHash: @unchecked Sendable {
        var digest: MultiDigest
        var gzipCheck: GzipTrailerCheck?
        init(_ digest: MultiDigest) { self.digest = digest }
    }
    private let raw: RawHash
    private let hasher: OrderedWorker
    private var sniffed = false
    /// Bytes of the archive file read so far.
    public private(set) var rawBytesRead: UInt64 = 0
    /// Called whenever archive bytes are read or entry data arrives: progress for the watchdog.
    var heartbeat: (() -> Void)?
    /// The descriptor's offset, and how far from the start every byte has been hashed.
    private var position: Int = 0
    private var hashedUpTo: Int = 0
    /// A read(2) error on the descriptor, reported instead of libarchive's generic message.
    public private(set) var readErrno: Int32?
    /// The name of the entry whose header was read last, for messages.
    public private(set) var currentEntry: String?

    /// Opens the archive on `fd` (which the reader does not close). `rawAlgorithms` are the
    /// digests of the whole archive file to compute (SHA-256 always; SHA-512 for a sidecar).
    public init(fd: Int32, rawAlgorithms: Set<DigestAlgorithm> = []) throws(ArchiveError) {
        self.fd = fd
        let raw = RawHash(MultiDigest(rawAlgorithms.union([.sha256])))
        self.raw = raw
        // Four blocks of up to 1 MiB wait at most: memory stays flat.
        hasher = OrderedWorker(capacity: 4) { bytes, _ in
            raw.digest.update(bytes)
            raw.gzipCheck?.update(bytes)
            return nil
        }
        guard let handle = archive_read_new() else {
            fatalError("archive_read_new returned NULL (out of memory)")
        }
        self.handle = handle
        buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
        archive_read_support_filter_all(handle)
        archive_read_support_format_all(handle)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            // Seekable input lets libarchive read zip central directories (Unix modes live
            // there) and 7-Zip headers; the seek callback keeps the archive digest one-pass.
            position = lseek(fd, 0, SEEK_CUR)
            hashedUpTo = position
            archive_read_set_seek_callback(handle) { _, context, offset, whence in
                let reader = Unmanaged<ArchiveReader>.fromOpaque(context!).takeUnretainedValue()
                return reader.seek(offset, whence)
            }
        }
        let opened = archive_read_open(
            handle, Unmanaged.passUnretained(self).toOpaque(), nil,
            { _, context, out in
                let reader = Unmanaged<ArchiveReader>.fromOpaque(context!).takeUnretainedValue()
                return reader.fill(out!)
            }, nil)
        if opened != ARCHIVE_OK { throw error(opened, "archive_read_open") }
    }

    deinit {
        hasher.finish(discard: true)
        archive_read_free(handle)
        buffer.deallocate()
    }

    /// The next entry's header, or nil at the end of the archive. Warnings (a name that is not
    /// valid in the locale, say) are returned alongside the header, not thrown.
    public func nextHeader() throws(ArchiveError) -> NextHeader? {
        var entry: OpaquePointer?
        var code = archive_read_next_header(handle, &entry)
        var retries = 0
        var skipped: ArchiveError?
        while code == ARCHIVE_RETRY && retries < 16 {
            // libarchive skipped damaged data to find the next header: say so, never silently.
            skipped = skipped ?? error(code, "archive_read_next_header")
            retries += 1
            code = archive_read_next_header(handle, &entry)
        }
        if code == ARCHIVE_EOF {
            if let skipped { return NextHeader(header: nil, warning: nil, skippedDamage: skipped, atEnd: true) }
            return nil
        }
        guard code == ARCHIVE_OK || code == ARCHIVE_WARN, let entry else {
            throw error(code, "archive_read_next_header")
        }
        let header = ArchiveEntryHeader(entry)
        currentEntry = header?.name
        return NextHeader(
            header: header, warning: code == ARCHIVE_WARN ? error(code, "archive_read_next_header") : nil,
            skippedDamage: skipped, atEnd: false)
    }

    /// What `nextHeader` found: the entry (nil when its name could not be read), a warning
    /// that came with it, and damage libarchive skipped over to reach it.
    public struct NextHeader {
        public var header: ArchiveEntryHeader?
        public var warning: ArchiveError?
        public var skippedDamage: ArchiveError?
        /// The skip ran into the end of the archive: no entry follows.
        public var atEnd: Bool
    }

    /// Hands each block of the current entry's data to `body` with its offset in the file
    /// (a jump in offsets is a hole of a sparse file). Any non-OK return is thrown: a warning
    /// while reading data means damage (a zip CRC mismatch, for example).
    public func readData(_ body: (UnsafeRawBufferPointer, Int64) throws -> Void) throws {
        var block: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        while true {
            let code = archive_read_data_block(handle, &block, &size, &offset)
            if code == ARCHIVE_EOF { return }
            guard code == ARCHIVE_OK else { throw error(code, "archive_read_data_block") }
            heartbeat?()
            if size > 0, let block { try body(UnsafeRawBufferPointer(start: block, count: size), offset) }
        }
    }

    /// Skips the current entry's data (it is still decompressed and checked by libarchive).
    public func skipData() throws(ArchiveError) {
        let code = archive_read_data_skip(handle)
        guard code == ARCHIVE_OK || code == ARCHIVE_EOF else { throw error(code, "archive_read_data_skip") }
    }

    /// Reads what libarchive left unread (the padding after the end-of-archive marker), so the
    /// archive's digests cover the whole file. Returns the digests of every byte read.
    public func finishRawDigest() -> [DigestAlgorithm: Hex] {
        var out: UnsafeRawPointer?
        if position != hashedUpTo, lseek(fd, hashedUpTo, SEEK_SET) == hashedUpTo { position = hashedUpTo }
        while fill(&out) > 0 {}
        hasher.finish()
        raw.gzipCheck?.finish()
        return raw.digest.finalize()
    }

    /// A damaged gzip member found by the trailer check (libarchive does not verify gzip CRCs).
    public var gzipDamage: String? { raw.gzipCheck?.damage }

    /// Bytes the format has consumed from the (decompressed) stream.
    public var formatPosition: Int64 { archive_filter_bytes(handle, 0) }

    /// True for the tar family, whose writers all end the archive with zero blocks.
    public var isTar: Bool { formatCode & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_TAR }

    /// `"GNU tar format"`, `"ZIP 2.0 (deflation)"`, …
    public var formatName: String { archive_format_name(handle).map { String(cString: $0) } ?? "unknown" }
    public var formatCode: Int32 { archive_format(handle) }

    /// Compression filters outermost first (`["zstd"]`, `["gzip"]`, `[]` for none).
    public var filterNames: [String] {
        let count = archive_filter_count(handle)
        guard count > 1 else { return [] }
        return (0..<count - 1).compactMap { archive_filter_name(handle, $0).map { String(cString: $0) } }
    }

    /// Zip, 7-Zip, RAR and CAB record no Unix owners, so owner rules are skipped for them.
    public var recordsOwners: Bool {
        let base = formatCode & ARCHIVE_FORMAT_BASE_MASK
        return ![
            ARCHIVE_FORMAT_ZIP, ARCHIVE_FORMAT_7ZIP, ARCHIVE_FORMAT_RAR, ARCHIVE_FORMAT_RAR_V5, ARCHIVE_FORMAT_CAB,
        ].contains(base)
    }

    /// Forward seeks from the hashed frontier read through (hashing as they go), so skipping
    /// an entry never leaves a hole in the digest; other seeks (a zip reader jumping to its
    /// central directory) move the descriptor, and `finishRawDigest` reads what was missed.
    private func seek(_ offset: Int64, _ whence: Int32) -> Int64 {
        let target: Int
        switch whence {
        case SEEK_SET: target = Int(offset)
        case SEEK_CUR:
            // A damaged archive can ask for offsets near Int64.max: refuse, never trap.
            let (sum, overflow) = position.addingReportingOverflow(Int(offset))
            guard !overflow, sum >= 0 else { return Int64(ARCHIVE_FATAL) }
            target = sum
        default:
            let moved = lseek(fd, Int(offset), whence)
            if moved >= 0 { position = moved }
            return Int64(moved)
        }
        if position == hashedUpTo && target > position {
            var discard: UnsafeRawPointer?
            while position < target {
                if fill(&discard, limit: min(bufferSize, target - position)) <= 0 { break }
            }
            if position == target { return Int64(position) }
        }
        let moved = lseek(fd, target, SEEK_SET)
        if moved >= 0 { position = moved }
        return Int64(moved)
    }

    private func fill(_ out: UnsafeMutablePointer<UnsafeRawPointer?>, limit: Int? = nil) -> Int {
        var count: Int
        repeat { count = read(fd, buffer, limit ?? bufferSize) } while count < 0 && errno == EINTR
        if count < 0 {
            readErrno = errno
            return -1
        }
        heartbeat?()
        let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        if !sniffed, count >= 2 {
            sniffed = true
            if bytes[0] == 0x1F && bytes[1] == 0x8B { raw.gzipCheck = GzipTrailerCheck() }
        }
        if position <= hashedUpTo && position + count > hashedUpTo {
            let fresh = UnsafeRawBufferPointer(rebasing: bytes[(hashedUpTo - position)...])
            _ = hasher.hand(fresh, at: Int64(hashedUpTo))
            rawBytesRead += UInt64(fresh.count)
            hashedUpTo = position + count
        }
        position += count
        out.pointee = UnsafeRawPointer(buffer)
        return count
    }

    private func error(_ code: Int32, _ operation: String) -> ArchiveError {
        var message = archive_error_string(handle).map { String(cString: $0) } ?? "libarchive gave no message"
        if let readErrno { message = "read failed: " + RestoreCheckError.describe(errno: readErrno) }
        return ArchiveError(code: code, message: message, entry: currentEntry, operation: operation)
    }
}
