import Foundation

/// An mtree spec of the source (`baseline --manifest`): one full-path line per entry with
/// type, mode, uid, gid, uname, gname, link, size and sha256digest, names escaped as octal
/// `\ooo` — the form `bsdtar --format=mtree` writes and NetBSD `mtree -f` and
/// `restorecheck verify --manifest` read.
struct MtreeWriter {
    let view: TreeView

    func spec() -> String {
        var lines = ["#mtree"]
        let root = view.index.count == 0 ? nil : view.reader.lstat("/")
        if let root {
            lines.append(
                ". type=dir mode=\(octal(UInt32(root.st_mode) & 0o7777)) uid=\(root.st_uid) gid=\(root.st_gid)")
        }
        // What churns nightly (logs, caches …) stays out: pinned, it would fail the next backup.
        for entry in view.index.entries.sorted(by: { $0.productionPath < $1.productionPath })
        where entry.restored && !VolatilePaths.isVolatile(entry.productionPath) {
            let relative = String(decoding: view.reader.relative(entry.productionPath), as: UTF8.self)
            guard !relative.isEmpty else { continue }
            var fields = ["./" + MtreeEscapes.encode(Array(relative.utf8))]
            switch entry.type {
            case .directory: fields.append("type=dir")
            case .symlink: fields.append("type=link")
            case .file, .hardlink: fields.append("type=file")
            default: continue
            }
            fields.append("mode=\(octal(entry.permissions))")
            fields.append("uid=\(entry.uid)")
            fields.append("gid=\(entry.gid)")
            if let uname = entry.uname, !uname.isEmpty {
                fields.append("uname=\(MtreeEscapes.encode(Array(uname.utf8)))")
            }
            if let gname = entry.gname, !gname.isEmpty {
                fields.append("gname=\(MtreeEscapes.encode(Array(gname.utf8)))")
            }
            if entry.type == .symlink, let link = entry.link {
                fields.append("link=\(MtreeEscapes.encode(Array(link.utf8)))")
            }
            if entry.type == .file || entry.type == .hardlink {
                let size = view.reader.lstat(entry.productionPath).map { Int64($0.st_size) } ?? entry.size
                fields.append("size=\(size)")
                // From the restore pass for an archive; a live tree (or a hardlink) is read here.
                if let digest = entry.digests[.sha256] ?? view.reader.digests(entry.productionPath, [.sha256])?[.sha256]
                {
                    fields.append("sha256digest=\(digest)")
                }
            }
            lines.append(fields.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
