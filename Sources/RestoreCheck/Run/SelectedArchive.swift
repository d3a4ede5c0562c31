import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The first step of a set's run: which archive to verify (the one named, or the newest of
/// the set's directory), opened once and held open for the one pass.
struct SelectedArchive {
    /// The path as given (`-` for standard input).
    let path: String
    let descriptor: FileDescriptor
    /// The archive file's mtime and size (unknown on standard input).
    let mtime: Date?
    let size: UInt64?
    /// Every copy of the set in its directory, newest first (empty for a named archive).
    let candidates: [ArchiveLocator.Candidate]

    var fromStandardInput: Bool { path == "-" }
    /// How reports name it.
    var displayPath: String { fromStandardInput ? "(standard input)" : path }

    /// `archive` and `latest` are the command line's overrides of the set's `source:`.
    static func select(for set: BackupSetPlan, archive: String?, latest: String?) throws -> SelectedArchive {
        if let named = archive ?? (latest == nil ? set.source.archive : nil) {
            return try open(named, candidates: [])
        }
        guard let directory = latest ?? set.source.latest else {
            throw RestoreCheckError(
                .usage,
                "set \(set.name) names no archive: give --archive FILE or --latest DIR, or `source:` in the plan")
        }
        let candidates = try ArchiveLocator.candidates(in: directory, pattern: set.source.pattern)
        guard let newest = candidates.first else {
            throw RestoreCheckError(
                .io,
                "no archive here" + (set.source.pattern.map { " matches \($0)" } ?? "")
                    + " (archive suffixes: .tar, .tar.gz, .tar.zst, .zip, …)", path: directory)
        }
        return try open(newest.path, candidates: candidates)
    }

    private static func open(_ path: String, candidates: [ArchiveLocator.Candidate]) throws -> SelectedArchive {
        if path == "-" {
            return SelectedArchive(
                path: path, descriptor: FileDescriptor(borrowing: STDIN_FILENO), mtime: nil, size: nil,
                candidates: candidates)
        }
        let descriptor = try FileDescriptor(opening: path, flags: O_RDONLY | O_NOCTTY, what: "cannot open the archive")
        let info = try descriptor.status(path: path)
        if info.st_mode & S_IFMT == S_IFDIR {
            throw RestoreCheckError(.io, "is a directory; use --latest DIR for a directory of archives", path: path)
        }
        return SelectedArchive(
            path: path, descriptor: descriptor, mtime: Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec)),
            size: UInt64(info.st_size), candidates: candidates)
    }
}
