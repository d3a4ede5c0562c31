import Foundation

/// The second step of a set's run: the manifests known before the pass (the plan's or
/// `--manifest` file, or `ARCHIVE.mtree` beside the archive), parsed, and whether the pass
/// should look for more inside the archive. A manifest that cannot be read or parsed is a
/// problem the `checksums` check reports, not a stop.
struct ResolvedManifests {
    var parsed: [Manifest] = []
    var problems: [String] = []
    /// Look for SHA256SUMS, MANIFEST.* and *.mtree at the archive's root during the pass.
    var lookInside = false

    /// The digests the pass must take for these manifests.
    var algorithms: Set<DigestAlgorithm> { parsed.reduce(into: Set()) { $0.formUnion($1.algorithms) } }

    /// `override` is `--manifest FILE`, which replaces the set's `manifest:`.
    static func resolve(_ spec: ManifestSpec, override: String?, archive: SelectedArchive) -> ResolvedManifests {
        let spec = override.map { ManifestSpec.file($0) } ?? spec
        var external: String?
        switch spec {
        case .file(let path): external = path
        case .auto where !archive.fromStandardInput && FileManager.default.fileExists(atPath: archive.path + ".mtree"):
            external = archive.path + ".mtree"
        default: break
        }
        var resolved = ResolvedManifests(lookInside: spec == .auto && external == nil)
        guard let external else { return resolved }
        do {
            resolved.parsed.append(try Manifest.load(.file(external), origin: external))
        } catch {
            resolved.problems.append(String(describing: error))
        }
        return resolved
    }
}
