import CRCArchive

#if canImport(Glibc)
    import Glibc
#endif

/// Where a dump's bytes come from: a file in the sandbox read through libarchive's `raw`
/// format (so `.gz`, `.xz`, `.zst`, `.bz2` decompress while streaming, with no temporary
/// copy), or a pipe from a helper such as `pg_restore -f -`.
protocol DumpByteSource: AnyObject {
    /// Fills `buffer`; 0 at the end. Throws when the stream is damaged (a truncated gzip).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A dump file, decompressed on the fly by libarchive (the `raw` format reads any single
/// stream; the filters recognise the compression by its magic bytes, not by the name).
final class CompressedDumpSource: DumpByteSource {
    private let handle: OpaquePointer
    private let fd: Int32
    private var atEnd = false
    /// The compression libarchive found ("gzip", "zstd", "none", …).
    private(set) var compression = "none"

    /// Takes ownership of `fd`.
    init(fd: Int32, name: String) throws {
        self.fd = fd
        guard let handle = archive_read_new() else { fatalError("archive_read_new returned NULL (out of memory)") }
        self.handle = handle
        archive_read_support_filter_all(handle)
        archive_read_support_format_raw(handle)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == 0 {
            atEnd = true // libarchive calls empty input an unrecognized format; it is an empty dump
            return
        }
        let opened = archive_read_open_fd(handle, fd, 1 << 18)
        guard opened == ARCHIVE_OK else { throw Self.error(handle, opened, "archive_read_open_fd") }
        var entry: OpaquePointer?
        let header = archive_read_next_header(handle, &entry)
        if header == ARCHIVE_EOF {
            atEnd = true // an empty file: no bytes, which the importer reports as an empty dump
        } else if header != ARCHIVE_OK && header != ARCHIVE_WARN {
            throw Self.error(handle, header, "archive_read_next_header")
        }
        if archive_filter_count(handle) > 1, let name = archive_filter_name(handle, 0) {
            compression = String(cString: name)
        }
    }

    deinit {
        archive_read_free(handle)
        close(fd)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if atEnd { return 0 }
        let count = archive_read_data(handle, buffer.baseAddress, buffer.count)
        if count < 0 { throw Self.error(handle, Int32(count), "archive_read_data") }
        if count == 0 { atEnd = true }
        return count
    }

    private static func error(_ handle: OpaquePointer, _ code: Int32, _ operation: String) -> ArchiveError {
        let message = archive_error_string(handle).map { String(cString: $0) } ?? "unreadable data"
        return ArchiveError(code: code, message: message, entry: nil, operation: operation)
    }
}

/// The read end of a pipe (a helper's standard output). Does not own the descriptor.
final class PipeDumpSource: DumpByteSource {
    let fd: Int32
    init(fd: Int32) { self.fd = fd }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw RestoreCheckError(.io, "cannot read the helper's output", errno: errno) }
        }
    }
}

/// Bytes already read (the head a dialect was sniffed from), then the rest of the stream: the
/// dump is decompressed and read once, not reopened after sniffing.
final class PrefixedDumpSource: DumpByteSource {
    private var prefix: [UInt8]
    private var offset = 0
    private let rest: DumpByteSource

    init(prefix: [UInt8], rest: DumpByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < prefix.count else { return try rest.read(into: buffer) }
        let count = min(buffer.count, prefix.count - offset)
        prefix.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        offset += count
        if offset == prefix.count { (prefix, offset) = ([], 0) } // free the head once served
        return count
    }
}
