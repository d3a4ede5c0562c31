import Foundation

/// The `source` phase: is there a newest archive and is it fresh enough (`latest`), and does
/// the archive match the checksum file stored beside it (`sidecar`).
enum SourceChecks {
    static func latest(archive: String, mtime: Date?, copies: Int?, maxAge: TimeInterval?, schedule: String?, now: Date)
        -> CheckResult
    {
        let name = (archive as NSString).lastPathComponent
        let from = copies.map { "newest of \(plural($0, "archive")): " } ?? ""
        guard let mtime else {
            return CheckResult(
                CheckID(.source, "latest"), status: .pass, message: "\(from)\(name) (read from a stream; age unknown)")
        }
        let age = now.timeIntervalSince(mtime)
        guard let maxAge else {
            return CheckResult(
                CheckID(.source, "latest"), status: .pass,
                message: "\(from)\(name), \(AgeText.format(age)) old (no schedule or max_age to judge it by)")
        }
        let rule =
            schedule.map { "schedule \($0) allows \(AgeText.format(maxAge))" } ?? "max_age is \(AgeText.format(maxAge))"
        if age > maxAge {
            return CheckResult(
                CheckID(.source, "latest"), status: .fail,
                message: "the newest archive \(name) is \(AgeText.format(age)) old; \(rule)",
                offenders: [Offender(archive, "\(AgeText.format(age)) old")])
        }
        return CheckResult(
            CheckID(.source, "latest"), status: .pass, message: "\(from)\(name), \(AgeText.format(age)) old; \(rule)")
    }

    /// The sidecar files that may stand beside `archive`, with the digest each holds.
    static func sidecars(of archive: String) -> [(path: String, algorithm: DigestAlgorithm)] {
        [(archive + ".sha256", .sha256), (archive + ".sha512", .sha512)].filter {
            FileManager.default.fileExists(atPath: $0.path)
        }
    }

    static func sidecar(archive: String, digests: [DigestAlgorithm: Hex]) -> CheckResult {
        let found = sidecars(of: archive)
        guard !found.isEmpty else {
            return CheckResult(
                CheckID(.source, "sidecar"), status: .skip,
                message: "no \((archive as NSString).lastPathComponent).sha256 or .sha512 beside the archive")
        }
        let name = (archive as NSString).lastPathComponent
        var offenders: [Offender] = []
        for (path, algorithm) in found {
            guard let bytes = FileManager.default.contents(atPath: path).map(Array.init),
                let entries = try? ChecksumListParser(origin: path).parse(bytes)
            else {
                return CheckResult(
                    CheckID(.source, "sidecar"), status: .error,
                    message: "\(path) is not a checksum file this tool can read")
            }
            let line =
                entries.first { ($0.key as NSString).lastPathComponent == name }
                ?? (entries.count == 1 ? entries[0] : nil)
            guard let line, let expected = line.digests[algorithm] ?? line.digests.values.first else {
                offenders.append(Offender(path, "does not list \(name)"))
                continue
            }
            let used = line.digests[algorithm] != nil ? algorithm : line.digests.keys.first!
            guard let actual = digests[used] else {
                offenders.append(Offender(path, "lists a \(used.rawValue) digest, which was not computed"))
                continue
            }
            if actual != expected {
                offenders.append(
                    Offender(path, "\(used.rawValue) of the archive is \(actual), the sidecar says \(expected)"))
            }
        }
        return CheckResult.judge(
            CheckID(.source, "sidecar"), offenders: offenders,
            pass:
                "the archive matches \(found.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", "))",
            fail: { _ in "the archive does not match its sidecar checksum" })
    }
}
