/// Judges an entry before anything is written: which names and kinds are never restored as
/// such, and how a link target maps into the sandbox. Pure logic on names, so it is tested
/// without touching the disk.
public enum EntrySafety {
    public enum Verdict: Equatable, Sendable {
        case restore
        /// Restored without its setuid/setgid bits; still an offender of `safety`.
        case restoreStripped(String)
        case refuse(String)
    }

    /// `production` is where the entry would land (nil when its name is unsafe or stripped away);
    /// a symlink's target is judged from there.
    public static func judge(_ header: ArchiveEntryHeader, production: [[UInt8]]?) -> Verdict {
        let name = header.nameBytes
        if name.first == UInt8(ascii: "/") { return .refuse("absolute path") }
        if EntryName.safeComponents(name) == nil { return .refuse("path climbs out with '..'") }
        switch header.type {
        case .characterDevice, .blockDevice: return .refuse("device node; never restored")
        case .fifo: return .refuse("FIFO; never restored")
        case .socket: return .refuse("socket; never restored")
        case .unknown: return .refuse("unknown entry type; never restored")
        case .hardlink:
            guard let target = header.hardlinkTarget, target.first != UInt8(ascii: "/"),
                EntryName.safeComponents(target) != nil
            else {
                return .refuse("hardlink to a path outside the archive")
            }
        case .symlink:
            if let production, sandboxTarget(header.symlinkTarget ?? [], linkPath: production) == nil {
                return .refuse("symlink points outside the backup (-> \(EntryName.key(header.symlinkTarget ?? [])))")
            }
        default: break
        }
        if header.type == .file || header.type == .hardlink, header.permissions & 0o6000 != 0 {
            let bits = header.permissions & 0o4000 != 0 ? "setuid" : "setgid"
            return .restoreStripped("\(bits) file (restored without the bit)")
        }
        return .restore
    }

    /// The on-disk target for a symlink at `linkPath` (production components): a relative
    /// target is kept when it stays below `/`; an absolute one is rewritten relative, so it
    /// resolves inside the sandbox's copy of production. nil means the link escapes.
    public static func sandboxTarget(_ target: [UInt8], linkPath: [[UInt8]]) -> [UInt8]? {
        guard !target.isEmpty else { return nil }
        let slash = UInt8(ascii: "/")
        let absolute = target.first == slash
        var resolved: [[UInt8]] = absolute ? [] : Array(linkPath.dropLast())
        for part in target.split(separator: slash, omittingEmptySubsequences: true) {
            if part.elementsEqual([UInt8(ascii: ".")]) { continue }
            if part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                guard !resolved.isEmpty else { return nil } // climbs above `/`
                resolved.removeLast()
                continue
            }
            resolved.append(Array(part))
        }
        if !absolute { return target }
        // From the link's directory up to the root, then down to the target.
        let depth = linkPath.count - 1
        var out: [[UInt8]] = Array(repeating: [UInt8(ascii: "."), UInt8(ascii: ".")], count: depth)
        out += resolved
        if out.isEmpty { return [UInt8(ascii: ".")] }
        return Array(out.joined(separator: [slash]))
    }
}
