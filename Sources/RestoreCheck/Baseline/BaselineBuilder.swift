import Foundation

/// `restorecheck baseline`: reads a known-good source (a live tree or an archive) and writes
/// the plan a person would keep — presets for what it recognises, strict rules for secrets
/// and config, counts with slack for what churns, every dump's tables with `min_rows` — and
/// keeps only what holds on the source itself, so the plan verifies where it came from.
public struct BaselineBuilder {
    public struct Options: Sendable {
        public var source: String
        public var prefix = "/"
        public var backups: String?
        /// Counts and rows are required at this fraction of today's (0.8: a fifth may go).
        public var fraction = 0.8
        public var scratch: String?
        public var name: String?
        public var now = Date()
        /// Where the plan and the mtree spec go: the plan's `manifest:` names the spec,
        /// relative to the plan when it sits beside it.
        public var planPath: String?
        public var manifestPath: String?
        /// Overwrite an existing plan or spec (a hand-edited plan is never lost by accident).
        public var force = false
        public init(source: String) { self.source = source }
    }

    let options: Options
    public init(options: Options) { self.options = options }

    /// The plan's text, an mtree spec of the source when asked, and one line per finding.
    public func build(manifest: Bool) throws -> (plan: String, manifest: String?, summary: [String]) {
        var info = stat()
        guard stat(options.source, &info) == 0 else {
            throw RestoreCheckError(.io, "cannot read the source", path: options.source, errno: errno)
        }
        let view =
            info.st_mode & S_IFMT == S_IFDIR
            ? try TreeView(live: options.source, prefix: options.prefix, scratch: options.scratch)
            : try TreeView(
                archive: options.source, prefix: options.prefix, scratch: options.scratch,
                digests: manifest ? [.sha256] : [])
        let databases = DatabaseVerifier(
            sandbox: view.sandbox, reader: view.reader, diskRoot: view.root, index: view.index, plans: nil,
            now: options.now)
        var finder = BaselineFinder(view: view, fraction: options.fraction, outcomes: try databases.run())
        let sections = finder.sections()
        let writer = BaselinePlanWriter(options: options, view: view, sections: sections, skipped: finder.skipped)
        let spec = manifest ? MtreeWriter(view: view).spec() : nil
        return (try writer.text(), spec, finder.summary(sections))
    }
}
