import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `baseline` reads: a live directory tree, or a known-good archive restored into a
/// sandbox; either way an index of every entry and a reader beneath the tree's root.
final class TreeView {
    let index: EntryIndex
    let reader: SandboxReader
    /// The tree's root on disk (production `/` maps here).
    let root: String
    let recordsOwners: Bool
    /// The sandbox: the archive's restore, and the db phase's scratch space.
    let sandbox: Sandbox
    /// The archive, when the source is one.
    let archive: String?
    /// The live tree's directory, held open for the reader (nil for an archive's sandbox).
    private let rootFD: FileDescriptor?

    /// A live tree: read in place, never written.
    init(live root: String, prefix: String, scratch: String?) throws {
        sandbox = try Sandbox(scratch: scratch)
        let walked = try LiveTree(root: root, prefix: prefix, indexFile: sandbox.path + "/live-index.sqlite").index()
        let fd = try FileDescriptor(opening: root, flags: O_RDONLY | O_DIRECTORY, what: "cannot open the tree")
        index = walked.index
        reader = SandboxReader(rootFD: fd.raw, base: prefix)
        rootFD = fd
        self.root = root
        recordsOwners = true
        archive = nil
    }

    /// An archive: restored once into a sandbox, as `verify` would.
    /// `digests`: taken in the restore pass (the mtree spec needs SHA-256 of every file).
    init(archive path: String, prefix: String, scratch: String?, digests: Set<DigestAlgorithm> = []) throws {
        let fd = try FileDescriptor(opening: path, flags: O_RDONLY, what: "cannot open the archive")
        sandbox = try Sandbox(scratch: scratch)
        let outcome = try Restorer(
            sandbox: sandbox, layout: Layout(prefix: prefix), limits: RestoreLimits(), lookForManifests: false,
            algorithms: digests
        )
        .restore(fd: fd.raw, displayPath: path)
        guard outcome.damage.isEmpty else {
            // The sandbox removes itself as this initializer gives up.
            throw RestoreCheckError(
                .io,
                "the archive is damaged, so it cannot be a baseline: \(outcome.damage.first!.name): "
                    + "\(outcome.damage.first!.reason)",
                path: path)
        }
        index = outcome.index
        reader = SandboxReader(rootFD: sandbox.rootFD)
        rootFD = nil
        root = sandbox.rootPath
        recordsOwners = outcome.facts.recordsOwners
        archive = path
    }

    func entry(_ path: String) -> IndexedEntry? { index.entry(productionPath: path) }

    /// Regular files (hardlinks included) whose production path starts with `directory/`.
    func files(under directory: String) -> [IndexedEntry] {
        let prefix = directory == "/" ? "/" : directory + "/"
        return index.entries.filter {
            ($0.type == .file || $0.type == .hardlink) && $0.restored && $0.productionPath.hasPrefix(prefix)
        }
    }
}
