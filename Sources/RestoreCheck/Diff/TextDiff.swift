import Foundation

/// The changed lines of a text file, backup against live, for a person about to migrate:
/// `- line` as the backup has it, `+ line` as the server has it, with a line of context, in
/// at most `maxLines` lines. Binary content (a NUL byte, invalid UTF-8) and files over
/// `maxBytes` get no lines: only that they differ.
enum TextDiff {
    static let maxBytes = 256 * 1024
    static let maxLines = 40
    /// Longer changed middles are shown cut, not aligned line by line (the table is n×m).
    static let maxAligned = 400

    /// The diff lines, or nil when either side is not text or too large.
    static func lines(backup: [UInt8], live: [UInt8]) -> [String]? {
        guard backup.count <= maxBytes, live.count <= maxBytes, !backup.contains(0), !live.contains(0),
            let old = String(validating: backup, as: UTF8.self), let new = String(validating: live, as: UTF8.self)
        else { return nil }
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var out: [String] = ["@@ line \(prefix + 1) @@"]
        if prefix > 0 { out.append("  " + a[prefix - 1]) }
        if middleA.count <= maxAligned && middleB.count <= maxAligned {
            out += align(middleA, middleB)
        } else {
            out += middleA.map { "- " + $0 } + middleB.map { "+ " + $0 }
        }
        if suffix > 0 { out.append("  " + a[a.count - suffix]) }
        guard out.count > maxLines else { return out }
        return Array(out.prefix(maxLines)) + ["… \(out.count - maxLines) more diff lines"]
    }

    /// A longest-common-subsequence alignment of the two middles: kept lines with two spaces,
    /// removed with `- `, added with `+ `.
    private static func align(_ a: [String], _ b: [String]) -> [String] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append("  " + a[i])
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && table[i + 1][j] >= table[i][j + 1]) {
                out.append("- " + a[i])
                i += 1
            } else {
                out.append("+ " + b[j])
                j += 1
            }
        }
        return out
    }
}
