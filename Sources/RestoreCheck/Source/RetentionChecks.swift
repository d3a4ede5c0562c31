import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One copy of the backup set in its directory, for the reports' copies table and chart.
public struct BackupCopy: Codable, Sendable {
    public var name: String
    public var sizeBytes: UInt64
    public var mtime: String
    public var ageSeconds: Double
    /// The copy this run restored and verified (the newest).
    public var verified: Bool
}

/// Rotation and retention over every copy of the set (README: retention): enough
/// copies, no sudden shrink, far enough back, no missed run, the newest not a repeat of the
/// one before. Only the newest copy is restored; the others are judged by size, date and,
/// when sizes match, digest.
struct RetentionChecks {
    let copies: [ArchiveLocator.Candidate] // newest first
    let policy: RetentionPolicy
    let newestSHA256: Hex?
    let now: Date

    var listing: [BackupCopy] {
        return copies.enumerated().map { position, copy in
            BackupCopy(
                name: copy.name, sizeBytes: copy.size, mtime: ISOTime.string(copy.mtime),
                ageSeconds: now.timeIntervalSince(copy.mtime), verified: position == 0)
        }
    }

    func results() -> [CheckResult] {
        var out = [minimumCopies()]
        if copies.count >= 2 {
            out.append(shrink())
            out.append(identical())
        }
        if let covers = policy.covers { out.append(coverage(covers)) }
        if let gap = policy.maxGap, copies.count >= 2 { out.append(gaps(gap)) }
        return out
    }

    private func describe(_ copy: ArchiveLocator.Candidate) -> String {
        "\(copy.name) (\(ByteSize.format(copy.size)), \(AgeText.format(max(0, now.timeIntervalSince(copy.mtime)))) old)"
    }

    private func minimumCopies() -> CheckResult {
        let id = CheckID(.source, "retention", aspect: "copies")
        if copies.count < policy.minCopies {
            return CheckResult(
                id, status: .fail,
                message:
                    "\(plural(copies.count, "copy")) of the set; retention wants at least \(policy.minCopies): one "
                    + "bad night or one overwrite loses everything",
                offenders: copies.map { Offender($0.path, "the only copies") })
        }
        return CheckResult(
            id, status: .pass, message: "\(plural(copies.count, "copy")), at least \(policy.minCopies) wanted")
    }

    private func shrink() -> CheckResult {
        let (newest, previous) = (copies[0], copies[1])
        let floor = Double(previous.size) * (1 - policy.maxShrink)
        let percent = Int((policy.maxShrink * 100).rounded())
        if Double(newest.size) < floor {
            let lost = previous.size > 0 ? Int(((1 - Double(newest.size) / Double(previous.size)) * 100).rounded()) : 0
            return CheckResult(
                CheckID(.source, "retention", aspect: "shrink"), status: .fail,
                message:
                    "the newest copy \(describe(newest)) is \(lost)% smaller than the one before, "
                    + "\(describe(previous)); at most \(percent)% is allowed",
                offenders: [
                    Offender(newest.path, "\(ByteSize.format(newest.size))"),
                    Offender(previous.path, "\(ByteSize.format(previous.size)) before"),
                ])
        }
        return CheckResult(
            CheckID(.source, "retention", aspect: "shrink"), status: .pass,
            message:
                "\(ByteSize.format(newest.size)) against \(ByteSize.format(previous.size)) before (at most "
                + "\(percent)% smaller allowed)"
        )
    }

    /// Same size and same SHA-256 as the copy before: the job may be copying an old file.
    private func identical() -> CheckResult {
        let (newest, previous) = (copies[0], copies[1])
        guard newest.size == previous.size else {
            return CheckResult(
                CheckID(.source, "retention", aspect: "identical"), status: .pass,
                message: "the newest copy differs in size from the one before")
        }
        guard let newestSHA256, let digest = MultiDigest.sha256(ofFile: previous.path) else {
            return CheckResult(
                CheckID(.source, "retention", aspect: "identical"), status: .skip,
                message:
                    "the two newest copies have the same size, and \(previous.name) could not be read to compare them")
        }
        guard digest == newestSHA256 else {
            return CheckResult(
                CheckID(.source, "retention", aspect: "identical"), status: .pass,
                message: "the newest copy differs from the one before (same size, other SHA-256)")
        }
        return CheckResult(
            CheckID(.source, "retention", aspect: "identical"), status: .warn,
            message: "\(newest.name) is byte for byte \(previous.name): is the backup job copying an old file?",
            offenders: [Offender(newest.path, "SHA-256 \(digest.description.prefix(16))… like \(previous.name)")])
    }

    private func coverage(_ covers: TimeInterval) -> CheckResult {
        let oldest = copies.last
        let reach = oldest.map { now.timeIntervalSince($0.mtime) } ?? 0
        if reach < covers {
            return CheckResult(
                CheckID(.source, "retention", aspect: "covers"), status: .fail,
                message:
                    "the oldest copy\(oldest.map { " \(describe($0))" } ?? "") reaches back "
                    + "\(AgeText.format(max(0, reach))); covers asks for \(AgeText.format(covers)): a problem "
                    + "older than that cannot be rolled back" + sameTimeHint
            )
        }
        return CheckResult(
            CheckID(.source, "retention", aspect: "covers"), status: .pass,
            message: "copies reach back \(AgeText.format(reach)) (at least \(AgeText.format(covers)) wanted)")
    }

    /// Copies all stamped within two minutes of each other were most likely copied without
    /// their times (a fresh checkout, `cp` without `-p`): say so, since ages come from mtimes.
    private var sameTimeHint: String {
        guard copies.count > 1, let newest = copies.first?.mtime, let oldest = copies.last?.mtime,
            newest.timeIntervalSince(oldest) < 120
        else { return "" }
        return " (every copy has the same modification time: a fresh checkout or a copy that did not keep "
            + "times, such as cp without -p, resets them, and ages are read from them)"
    }

    private func gaps(_ maxGap: TimeInterval) -> CheckResult {
        var offenders: [Offender] = []
        for (newer, older) in zip(copies, copies.dropFirst()) {
            let gap = newer.mtime.timeIntervalSince(older.mtime)
            if gap > maxGap {
                offenders.append(Offender("\(older.name) → \(newer.name)", "\(AgeText.format(gap)) apart"))
            }
        }
        return CheckResult.judge(
            CheckID(.source, "retention", aspect: "gap"), offenders: offenders,
            pass: "no two consecutive copies more than \(AgeText.format(maxGap)) apart",
            fail: { "\(plural($0, "gap")) longer than \(AgeText.format(maxGap)) between copies: a run was missed" })
    }
}
