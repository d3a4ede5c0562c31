/// The `archive` phase: could every entry be read, was anything refused, did a limit stop it.
enum ArchiveChecks {
    static func results(_ outcome: RestoreOutcome) -> [CheckResult] {
        let facts = outcome.facts
        let shape = ([facts.format] + facts.filters).joined(separator: " + ")
        var readable = CheckResult.judge(
            CheckID(.archive, "readable"), offenders: outcome.damage,
            pass: "\(plural(facts.entries, "entry")) read to the end (\(shape), \(ByteSize.format(facts.sizeBytes)))",
            fail: { "the archive is damaged: \(plural($0, "error")) while reading (\(shape))" })
        if readable.status == .fail, outcome.damage.allSatisfy({ Self.needsWhatThisMachineLacks($0.reason) }) {
            // Not damage: a filter program that is not installed, a passphrase nobody gave.
            // Nothing can be said of the backup, so this is an error (exit 2), never a failure.
            readable.status = .error
            readable.message =
                "could not be read here: \(outcome.damage.first?.reason ?? "") (install the program it names, "
                + "or verify it where its key is)"
        }
        if readable.status == .pass, !outcome.warnings.isEmpty {
            readable = CheckResult(
                CheckID(.archive, "readable"), status: .warn,
                message: "read to the end, with \(plural(outcome.warnings.count, "warning")) from libarchive",
                offenders: outcome.warnings)
        }
        if readable.status == .pass, !outcome.complete, outcome.limitHit != nil {
            readable.status = .skip
            readable.message = "not read to the end: a limit stopped the restore"
        }
        let safety = CheckResult.judge(
            CheckID(.archive, "safety"), offenders: outcome.unsafe,
            pass: "no entry is absolute, climbs out, escapes through a link, is a device, or is setuid/setgid",
            fail: { "\(plural($0, "entry")) refused or restored without dangerous bits" })
        let limits = CheckResult.judge(
            CheckID(.archive, "limits"), offenders: outcome.limitHit.map { [$0] } ?? [],
            pass: "\(ByteSize.format(facts.restoredBytes)) in \(plural(facts.entries, "entry")), within the limits",
            fail: { _ in "a limit stopped the restore (decompression-bomb guard)" })
        return [readable, safety, limits]
    }

    /// libarchive's words for an archive it could read with a program or key this machine
    /// does not have (an external filter such as lzop, grzip or lrzip; an encrypted entry).
    static func needsWhatThisMachineLacks(_ reason: String) -> Bool {
        let text = reason.lowercased()
        return text.contains("unable to run program") || text.contains("passphrase")
            || text.contains("encrypted") || text.contains("encryption")
    }
}
