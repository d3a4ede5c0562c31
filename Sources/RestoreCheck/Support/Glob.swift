/// Shell-style globs over production paths, as plans write them:
/// `*` and `?` stay inside one path component, `**` spans any number of components
/// (including none), `[abc]` / `[!a-z]` are character classes.
public struct Glob: Sendable {
    public let pattern: String
    private let components: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return Self.match(components[...], parts[...])
    }

    /// True when the pattern has any wildcard; a literal pattern is a plain path.
    public static func hasWildcard(_ text: String) -> Bool {
        text.contains { "*?[".contains($0) }
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let first = path.first, matchComponent(Array(head.unicodeScalars)[...], Array(first.unicodeScalars)[...])
        else {
            return false
        }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchComponent(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>)
        -> Bool
    {
        var p = pattern
        var t = text
        while let c = p.first {
            switch c {
            case "*":
                let rest = p.dropFirst()
                var tail = t
                while true {
                    if matchComponent(rest, tail) { return true }
                    if tail.isEmpty { return false }
                    tail = tail.dropFirst()
                }
            case "?":
                guard !t.isEmpty else { return false }
                p = p.dropFirst()
                t = t.dropFirst()
            case "[":
                guard let ch = t.first, let (matched, rest) = matchClass(p.dropFirst(), ch) else {
                    if t.first == "[" {
                        p = p.dropFirst()
                        t = t.dropFirst()
                        continue
                    }
                    return false
                }
                guard matched else { return false }
                p = rest
                t = t.dropFirst()
            default:
                guard t.first == c else { return false }
                p = p.dropFirst()
                t = t.dropFirst()
            }
        }
        return t.isEmpty
    }

    /// Matches `ch` against a class body after `[`; returns nil when the class is unterminated.
    private static func matchClass(_ body: ArraySlice<Unicode.Scalar>, _ ch: Unicode.Scalar) -> (
        Bool, ArraySlice<Unicode.Scalar>
    )? {
        var rest = body
        var negate = false
        if let first = rest.first, first == "!" || first == "^" {
            negate = true
            rest = rest.dropFirst()
        }
        var matched = false
        var isFirst = true
        while let c = rest.first {
            if c == "]" && !isFirst { return (matched != negate, rest.dropFirst()) }
            isFirst = false
            rest = rest.dropFirst()
            if rest.count >= 2, rest.first == "-", let upper = rest.dropFirst().first, upper != "]" {
                if c.value <= ch.value && ch.value <= upper.value { matched = true }
                rest = rest.dropFirst(2)
            } else if c == ch {
                matched = true
            }
        }
        return nil
    }
}
