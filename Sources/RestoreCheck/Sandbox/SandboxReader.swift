import CRCSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Read-only access to the restored tree, with the same guarantee as the writer: every path
/// is resolved beneath the sandbox root and no symlink is followed, so reading a hostile
/// backup can never read a file of the host.
public struct SandboxReader: Sendable {
    public let rootFD: Int32
    private static let resolve = RC_RESOLVE_BENEATH | RC_RESOLVE_NO_SYMLINKS | RC_RESOLVE_NO_MAGICLINKS

    /// The production path `rootFD` stands for: `/` for a sandbox, `/var/www` when a live
    /// sub-tree is read in place (`baseline --prefix`).
    public let base: String

    public init(rootFD: Int32, base: String = "/") {
        self.rootFD = rootFD
        self.base = base
    }

    /// A production path as a path relative to `rootFD`.
    public func relative(_ productionPath: String) -> [UInt8] {
        guard base != "/", productionPath == base || productionPath.hasPrefix(base + "/") else {
            return Self.components(productionPath)
        }
        return Self.components(String(productionPath.dropFirst(base.count)))
    }

    /// Components of a production path (`/var/www` → ["var", "www"]).
    public static func components(_ productionPath: String) -> [UInt8] {
        Array(productionPath.drop(while: { $0 == "/" }).utf8)
    }

    /// lstat of a production path in the sandbox; nil when it does not exist there.
    public func lstat(_ productionPath: String) -> stat? {
        let relative = self.relative(productionPath)
        var info = stat()
        if relative.isEmpty { return fstat(rootFD, &info) == 0 ? info : nil }
        let slash = relative.lastIndex(of: UInt8(ascii: "/"))
        let parentPath = slash.map { Array(relative[..<$0]) } ?? []
        let name = slash.map { Array(relative[($0 + 1)...]) } ?? relative
        let parent = parentPath.isEmpty ? dup(rootFD) : open(parentPath, flags: O_RDONLY | O_DIRECTORY)
        guard parent >= 0 else { return nil }
        defer { close(parent) }
        let result = name.withCName { fstatat(parent, $0, &info, AT_SYMLINK_NOFOLLOW) }
        return result == 0 ? info : nil
    }

    /// Opens a production path beneath the root without following links; -1 on failure.
    public func open(_ relative: [UInt8], flags: Int32) -> Int32 {
        relative.withCName { rc_openat2(rootFD, $0, flags | O_CLOEXEC | O_NOFOLLOW, 0, Self.resolve) }
    }

    /// Streams a regular file's bytes to `body` in chunks; false when it cannot be opened.
    public func stream(_ productionPath: String, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        let fd = open(relative(productionPath), flags: O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer, size)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 }
            if !body(UnsafeRawBufferPointer(start: buffer, count: count)) { return true }
        }
    }

    /// Whether a file holds `needle`, searched in one pass with the chunk overlap kept.
    public func contains(_ productionPath: String, _ needle: [UInt8]) -> Bool? {
        var found = false
        var carry: [UInt8] = []
        let ok = stream(productionPath) { chunk in
            let window = carry + chunk
            if Self.find(needle, in: window) {
                found = true
                return false
            }
            carry = Array(window.suffix(max(needle.count - 1, 0)))
            return true
        }
        return ok ? found : nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Digests of a restored file, for a manifest found after its entries had streamed past.
    public func digests(_ productionPath: String, _ algorithms: Set<DigestAlgorithm>) -> [DigestAlgorithm: Hex]? {
        var digest = MultiDigest(algorithms)
        let ok = stream(productionPath) { chunk in
            digest.update(chunk)
            return true
        }
        return ok ? digest.finalize() : nil
    }
}
