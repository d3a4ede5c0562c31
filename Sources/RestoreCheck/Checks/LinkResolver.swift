/// Follows symlinks through the restored tree by what the archive recorded, never through
/// the host: Debian keeps config behind links (`/etc/mysql/my.cnf → /etc/alternatives/my.cnf
/// → /etc/mysql/mariadb.cnf`), and a check of such a path judges the file at the end of the
/// chain. A link that leaves the tree, dangles or loops is named as such.
struct LinkResolver {
    let index: EntryIndex
    /// As the kernel allows (ELOOP past 40).
    static let maxHops = 40

    struct Resolution {
        /// The production path the chain ends at (nil when it does not end inside the tree).
        var target: String?
        /// Every path along the way, the asked one first.
        var chain: [String]
        /// Why there is no target: dangles, leaves the tree, loops.
        var problem: String?

        /// The chain for a message (a loop's shortened).
        var shown: String {
            chain.count <= 6
                ? chain.joined(separator: " → ") : (chain.prefix(3) + ["…", chain.last!]).joined(separator: " → ")
        }
    }

    /// Resolves each component in turn, so a link in a parent directory is followed too.
    func resolve(_ path: String) -> Resolution {
        var chain = [path]
        var pending = Self.components(path)
        var resolved: [String] = []
        var hops = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." { continue }
            if component == ".." {
                guard !resolved.isEmpty else {
                    return Resolution(target: nil, chain: chain, problem: "leaves the backup's tree")
                }
                resolved.removeLast()
                continue
            }
            resolved.append(component)
            let current = "/" + resolved.joined(separator: "/")
            guard let entry = index.entry(productionPath: current) else {
                if pending.isEmpty || index.hasDirectory(current) { continue }
                return Resolution(target: nil, chain: chain, problem: "dangles: \(current) is not in the backup")
            }
            guard entry.type == .symlink, let link = entry.link else { continue }
            hops += 1
            guard hops <= Self.maxHops else {
                return Resolution(target: nil, chain: chain, problem: "loops (more than \(Self.maxHops) links)")
            }
            resolved.removeLast()
            if link.hasPrefix("/") { resolved = [] }
            pending = Self.components(link) + pending
            chain.append(Self.display(resolved, pending))
        }
        let target = "/" + resolved.joined(separator: "/")
        if index.entry(productionPath: target) == nil, !index.hasDirectory(target) {
            return Resolution(target: nil, chain: chain, problem: "dangles: \(target) is not in the backup")
        }
        return Resolution(target: target, chain: chain, problem: nil)
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The path a link leads to next, `..` and `.` resolved as far as they go.
    private static func display(_ resolved: [String], _ pending: [String]) -> String {
        var parts = resolved
        for part in pending {
            if part == "." { continue }
            if part == "..", !parts.isEmpty {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
