import Foundation

/// Finds the archives of a backup set in a directory: only names with an archive suffix
/// count (sidecars, manifests and notes beside them do not), newest first by mtime, the name
/// breaking ties (dated names sort by date).
public struct ArchiveLocator {
    public struct Candidate: Sendable, Equatable {
        public var path: String
        public var name: String
        public var size: UInt64
        public var mtime: Date
    }

    public static let suffixes = [
        ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst",
        ".tar.lz4", ".tar.lzma", ".tar.Z", ".zip", ".7z", ".cpio", ".cpio.gz", ".cpio.bz2", ".cpio.xz",
        ".cpio.zst", ".pax", ".pax.gz", ".iso", ".rar", ".xar", ".cab", ".lha", ".ar",
    ]

    public static func isArchiveName(_ name: String) -> Bool {
        suffixes.contains { name.hasSuffix($0) && name.count > $0.count }
    }

    /// Why a directory cannot be listed, asked of the system itself.
    static func listingErrno(_ directory: String) -> Int32? {
        guard let handle = opendir(directory) else { return errno }
        closedir(handle)
        return nil
    }

    /// Every archive of the set in `directory`, newest first.
    public static func candidates(in directory: String, pattern: String?) throws -> [Candidate] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RestoreCheckError(
                .io, "cannot list the backup directory", path: directory, errno: Self.listingErrno(directory))
        }
        var found: [Candidate] = []
        for name in names where isArchiveName(name) {
            if let pattern, fnmatch(pattern, name, 0) != 0 { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let mtime = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
            found.append(Candidate(path: path, name: name, size: UInt64(info.st_size), mtime: mtime))
        }
        return found.sorted { $0.mtime != $1.mtime ? $0.mtime > $1.mtime : $0.name > $1.name }
    }
}
