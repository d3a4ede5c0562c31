#if canImport(Glibc)
    import Glibc
#endif

/// Where a manifest's bytes are: a file given on the command line or beside the archive, a
/// file restored into the sandbox (read beneath its root, links never followed), or bytes
/// already in memory (tests).
public enum ManifestSource: Sendable {
    case file(String)
    case sandbox(SandboxReader, productionPath: String)
    case bytes([UInt8])

    /// The longest line a manifest may have: a name of PATH_MAX escaped, a digest and keywords.
    static let maxLineBytes = 1 << 20

    /// The first `count` bytes, to tell an mtree spec from a checksum list.
    func head(_ count: Int) throws -> [UInt8] {
        if case .bytes(let bytes) = self { return Array(bytes.prefix(count)) }
        let descriptor = try open()
        var head = [UInt8](repeating: 0, count: count)
        let read = head.withUnsafeMutableBytes { pread(descriptor.raw, $0.baseAddress, count, 0) }
        return Array(head.prefix(max(read, 0)))
    }

    /// Its lines, numbered from 1, read as they are walked.
    func lines(origin: String) throws -> ManifestLineStream {
        if case .bytes(let bytes) = self { return ManifestLineStream(bytes: bytes, origin: origin) }
        return ManifestLineStream(descriptor: try open(), origin: origin)
    }

    private func open() throws -> FileDescriptor {
        switch self {
        case .file(let path):
            return try FileDescriptor(opening: path, flags: O_RDONLY, what: "cannot read the manifest")
        case .sandbox(let reader, let productionPath):
            let fd = reader.open(reader.relative(productionPath), flags: O_RDONLY)
            guard fd >= 0 else {
                throw RestoreCheckError(
                    .io, "could not be read back from the sandbox", path: productionPath, errno: errno)
            }
            return FileDescriptor(adopting: fd)
        case .bytes:
            throw RestoreCheckError(.io, "bytes in memory have no descriptor")
        }
    }
}

/// A manifest's lines one at a time, from a descriptor or from bytes in memory.
struct ManifestLineStream {
    private var descriptor: FileDescriptor?
    private var bytes: [UInt8]?
    let origin: String

    init(descriptor: FileDescriptor, origin: String) {
        self.descriptor = descriptor
        self.origin = origin
    }

    init(bytes: [UInt8], origin: String) {
        self.bytes = bytes
        self.origin = origin
    }

    func read(_ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        if let bytes {
            for (number, line) in ManifestLines.split(bytes) { try body(line, number) }
            return
        }
        guard let descriptor else { return }
        let reader = DumpLineReader(
            source: PipeDumpSource(fd: descriptor.raw), maxLineBytes: ManifestSource.maxLineBytes)
        do {
            while try reader.nextLine({ line in try body(Array(line)[...], reader.lineNumber) }) {}
        } catch let tooLong as DumpLineReader.LineTooLong {
            throw RestoreCheckError(
                .manifest, "a line longer than \(ManifestSource.maxLineBytes >> 20) MiB is not a manifest line",
                path: origin, line: tooLong.line)
        }
    }
}
