/// Reads mtree specifications as `bsdtar --format=mtree` writes them (every line a full path
/// such as `./var/www/index.php`) and as NetBSD `mtree -c` writes them (names relative to the
/// current directory, a `type=dir` line descending into it and `..` climbing back), with
/// `/set` and `/unset` defaults, continuation lines and vis(3) escapes in names and links.
struct MtreeParser {
    let origin: String

    static let maxPathBytes = 4096

    static let knownKeywords: Set<String> = [
        "type", "mode", "uid", "gid", "uname", "gname", "link", "size", "time", "nlink", "flags", "cksum",
        "md5", "md5digest", "sha1", "sha1digest", "sha256", "sha256digest", "sha384", "sha384digest",
        "sha512", "sha512digest", "rmd160", "rmd160digest", "ripemd160digest", "contents", "ignore", "optional",
        "nochange", "tags", "device", "resdevice", "inode",
    ]

    /// An mtree spec starts with `#mtree` or holds `key=value` words that only mtree uses.
    static func looksLikeMtree(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.hasPrefix("#mtree") { return true }
        return head.contains("/set ") || head.contains(" type=") || head.contains(" sha256digest=")
    }

    /// `/set` defaults in force.
    private var defaults: [String: String] = [:]
    // The current directory as one path and where each level starts: descending and
    // climbing cost the name's length, not the depth (a 200k-level spec was quadratic).
    private var directory: [UInt8] = []
    private var levels: [Int] = []
    /// A line continued with a trailing backslash, and the line it started on.
    private var pending: [UInt8] = []
    private var pendingLine = 0
    private(set) var count = 0

    init(origin: String) { self.origin = origin }

    func parse(_ bytes: [UInt8]) throws -> [ManifestEntry] {
        var parser = self
        var entries: [ManifestEntry] = []
        for (number, line) in ManifestLines.split(bytes) {
            if let entry = try parser.entry(line, number: number) { entries.append(entry) }
        }
        try parser.finish()
        return entries
    }

    /// After the last line: a spec of nothing is not a manifest.
    func finish() throws {
        guard count > 0 else { throw RestoreCheckError(.manifest, "the mtree spec lists no entries", path: origin) }
    }

    /// Reads one line; returns the entry it completes, if any. Lines are read one at a time,
    /// so a spec of millions of lines is never held whole.
    mutating func entry(_ rawLine: ArraySlice<UInt8>, number: Int) throws -> ManifestEntry? {
        if pending.isEmpty { pendingLine = number }
        var line = Array(rawLine)
        // A trailing backslash continues the line (but `\\` at the end is an escaped backslash).
        if line.last == UInt8(ascii: "\\"), line.count < 2 || line[line.count - 2] != UInt8(ascii: "\\") {
            guard pending.count + line.count <= Self.maxPathBytes * 4 else {
                throw RestoreCheckError(
                    .manifest, "a continued line grows without end", path: origin, line: pendingLine)
            }
            pending += line.dropLast() + [0x20]
            return nil
        }
        line = pending + line
        pending = []
        let words = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map(Array.init)
        guard let first = words.first, first.first != UInt8(ascii: "#") else { return nil }
        let firstText = String(decoding: first, as: UTF8.self)
        if firstText == "/set" {
            for word in words.dropFirst() {
                let (key, value) = try keyword(word, pendingLine)
                defaults[key] = value
            }
            return nil
        }
        if firstText == "/unset" {
            for word in words.dropFirst() {
                let key = String(decoding: word, as: UTF8.self)
                if key == "all" { defaults.removeAll() } else { defaults[key] = nil }
            }
            return nil
        }
        if firstText == ".." {
            guard let start = levels.popLast() else {
                throw RestoreCheckError(
                    .manifest, "`..` climbs above the top of the spec", path: origin, line: pendingLine)
            }
            directory.removeSubrange(start...)
            return nil
        }
        guard let name = MtreeEscapes.decode(first) else {
            throw RestoreCheckError(
                .manifest, "bad escape in name '\(EntryName.key(first))'", path: origin, line: pendingLine)
        }
        var fields = defaults
        for word in words.dropFirst() {
            let (key, value) = try keyword(word, pendingLine)
            fields[key] = value
        }
        let isFullPath = name.contains(UInt8(ascii: "/"))
        let path: [UInt8] = isFullPath || levels.isEmpty ? name : directory + [UInt8(ascii: "/")] + name
        guard path.count <= Self.maxPathBytes else {
            throw RestoreCheckError(
                .manifest,
                "nests deeper than any path can be (over \(Self.maxPathBytes) bytes, Linux's PATH_MAX)",
                path: origin, line: pendingLine)
        }
        var entry = try makeEntry(key: EntryName.normalizedKey(path), fields: fields, line: pendingLine)
        // A relative directory line (`.` included) is descended into until its `..`.
        if !isFullPath && entry.type == .directory {
            levels.append(directory.count)
            directory = path
        }
        if entry.key.isEmpty { return nil } // the top directory itself
        entry.line = pendingLine
        count += 1
        return entry
    }

    private func keyword(_ word: [UInt8], _ line: Int) throws -> (String, String) {
        let text = String(decoding: word, as: UTF8.self)
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = String(parts[0])
        guard Self.knownKeywords.contains(key) else {
            throw RestoreCheckError(.manifest, "unknown mtree keyword '\(key)'", path: origin, line: line)
        }
        return (key, parts.count > 1 ? String(parts[1]) : "")
    }

    private func makeEntry(key: String, fields: [String: String], line: Int) throws -> ManifestEntry {
        var entry = ManifestEntry(key: key, line: line)
        func bad(_ field: String) -> RestoreCheckError {
            RestoreCheckError(.manifest, "bad value for `\(field)` on '\(key)'", path: origin, line: line)
        }
        switch fields["type"] ?? "file" {
        case "file": entry.type = .file
        case "dir": entry.type = .directory
        case "link": entry.type = .symlink
        case "block": entry.type = .blockDevice
        case "char": entry.type = .characterDevice
        case "fifo": entry.type = .fifo
        case "socket": entry.type = .socket
        default: throw bad("type")
        }
        if let mode = fields["mode"] {
            guard let value = UInt32(mode, radix: 8) else { throw bad("mode") }
            entry.mode = value & 0o7777
        }
        if let uid = fields["uid"] {
            guard let v = Int64(uid) else { throw bad("uid") }
            entry.uid = v
        }
        if let gid = fields["gid"] {
            guard let v = Int64(gid) else { throw bad("gid") }
            entry.gid = v
        }
        if let uname = fields["uname"] {
            entry.uname = MtreeEscapes.decode(Array(uname.utf8)).map(EntryName.key) ?? uname
        }
        if let gname = fields["gname"] {
            entry.gname = MtreeEscapes.decode(Array(gname.utf8)).map(EntryName.key) ?? gname
        }
        if let size = fields["size"] {
            guard let v = Int64(size) else { throw bad("size") }
            entry.size = v
        }
        if let link = fields["link"] {
            guard let raw = MtreeEscapes.decode(Array(link.utf8)) else { throw bad("link") }
            entry.link = EntryName.key(raw)
        }
        let digestKeys: [(DigestAlgorithm, [String])] = [
            (.md5, ["md5", "md5digest"]), (.sha1, ["sha1", "sha1digest"]),
            (.sha256, ["sha256", "sha256digest"]), (.sha512, ["sha512", "sha512digest"]),
        ]
        for (algorithm, keys) in digestKeys {
            guard let text = keys.compactMap({ fields[$0] }).first else { continue }
            guard text.count == algorithm.hexLength, let hash = Hex(hex: Substring(text)) else { throw bad(keys[1]) }
            entry.digests[algorithm] = hash
        }
        entry.optional = fields["optional"] != nil || fields["ignore"] != nil
        return entry
    }
}
