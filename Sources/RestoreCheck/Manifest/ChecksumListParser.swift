/// Reads checksum lists in the two common forms, for MD5, SHA-1, SHA-256 and SHA-512:
/// GNU (`sha256sum`): `HASH  name` or `HASH *name`, and `\HASH  name` when the name holds a
/// backslash or newline (escaped as `\\` and `\n`); BSD (`sha256sum --tag`, `shasum`, BSD
/// `sha256`): `SHA256 (name) = HASH`. The algorithm of a GNU line is told by the hash length.
struct ChecksumListParser {
    let origin: String

    func parse(_ bytes: [UInt8]) throws -> [ManifestEntry] {
        var entries: [ManifestEntry] = []
        for (number, line) in ManifestLines.split(bytes) {
            if let entry = try entry(line, number: number) { entries.append(entry) }
        }
        try finish(count: entries.count)
        return entries
    }

    /// One line's entry; nil for a blank line or a comment. Lines are read one at a time, so
    /// a manifest of millions of lines is never held whole.
    func entry(_ line: ArraySlice<UInt8>, number: Int) throws -> ManifestEntry? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == UInt8(ascii: "#") { return nil }
        guard let entry = parseTagged(line, number) ?? parseGNU(line, number) else {
            let preview = EntryName.key(Array(line.prefix(80)))
            throw RestoreCheckError(
                .manifest, "not a checksum line (expected `HASH  name` or `SHA256 (name) = HASH`): \(preview)",
                path: origin, line: number)
        }
        return entry
    }

    /// After the last line: a list of nothing is not a manifest.
    func finish(count: Int) throws {
        guard count > 0 else { throw RestoreCheckError(.manifest, "the manifest lists no files", path: origin) }
    }

    private func parseGNU(_ line: ArraySlice<UInt8>, _ number: Int) -> ManifestEntry? {
        var rest = line
        let escaped = rest.first == UInt8(ascii: "\\")
        if escaped { rest = rest.dropFirst() }
        guard let space = rest.firstIndex(of: 0x20) else { return nil }
        let hashText = Substring(decoding: rest[rest.startIndex..<space], as: UTF8.self)
        guard let algorithm = DigestAlgorithm.allCases.first(where: { $0.hexLength == hashText.count }),
            let hash = Hex(hex: hashText)
        else { return nil }
        var name = rest[(space + 1)...]
        guard let marker = name.first, marker == 0x20 || marker == UInt8(ascii: "*") else { return nil }
        name = name.dropFirst()
        guard !name.isEmpty else { return nil }
        guard let raw = escaped ? Self.unescape(name) : Array(name) else { return nil }
        var entry = ManifestEntry(key: EntryName.normalizedKey(raw), line: number)
        entry.digests[algorithm] = hash
        return entry
    }

    private func parseTagged(_ line: ArraySlice<UInt8>, _ number: Int) -> ManifestEntry? {
        var rest = line
        let escaped = rest.first == UInt8(ascii: "\\")
        if escaped { rest = rest.dropFirst() }
        let tags: [(String, DigestAlgorithm)] = [
            ("MD5", .md5), ("SHA1", .sha1), ("SHA256", .sha256), ("SHA512", .sha512),
        ]
        for (tag, algorithm) in tags {
            let prefix = Array((tag + " (").utf8)
            guard rest.starts(with: prefix) else { continue }
            let body = rest.dropFirst(prefix.count)
            // The name ends at the last ") = ": names may themselves hold ") = ".
            let separator = Array(") = ".utf8)
            var split: Int?
            var index = body.endIndex - separator.count
            while index >= body.startIndex {
                if body[index..<index + separator.count].elementsEqual(separator) {
                    split = index
                    break
                }
                index -= 1
            }
            guard let split else { return nil }
            let hashText = Substring(decoding: body[(split + separator.count)...], as: UTF8.self)
            guard hashText.count == algorithm.hexLength, let hash = Hex(hex: hashText) else { return nil }
            let name = body[body.startIndex..<split]
            guard !name.isEmpty, let raw = escaped ? Self.unescape(name) : Array(name) else { return nil }
            var entry = ManifestEntry(key: EntryName.normalizedKey(raw), line: number)
            entry.digests[algorithm] = hash
            return entry
        }
        return nil
    }

    /// coreutils' escaping of names: `\\` → `\`, `\n` → LF, `\r` → CR.
    static func unescape(_ name: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var iterator = name.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            default: return nil
            }
        }
        return out
    }
}
