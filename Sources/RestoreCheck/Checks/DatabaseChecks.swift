import Crypto
import Foundation

/// Judges one restored dump (README: the db phase): complete, import, integrity, tables,
/// assert, fresh. Each result names the dump; a failed import names the line too.
struct DatabaseChecks {
    let dump: String
    let plan: DatabasePlan?
    let now: Date

    func complete(_ result: DumpImportResult) -> CheckResult {
        if let failure = result.failure, failure.beyondLimit {
            return CheckResult(
                CheckID(.db, "complete", subject: dump), status: .error,
                message: "\(dump): not read to its end (limits.max_statement_bytes)")
        }
        if result.complete, result.trailerUnchecked {
            let required = plan?.requireTrailer ?? false
            return CheckResult(
                CheckID(.db, "complete", subject: dump), status: required ? .fail : .warn,
                message: "\(dump): \(result.incompleteReason ?? "no trailer could be checked")"
                    + (required ? " (require_trailer: true)" : ""))
        }
        return result.complete
            ? CheckResult(
                CheckID(.db, "complete", subject: dump), status: .pass,
                message:
                    "ends with its \(result.dialect == .sqlite ? "COMMIT" : "`\(result.dialect.trailer!)` trailer")")
            : CheckResult(
                CheckID(.db, "complete", subject: dump), status: .fail,
                message: "\(dump): \(result.incompleteReason ?? "incomplete")")
    }

    func `import`(_ result: DumpImportResult, engine: String) -> CheckResult {
        let id = CheckID(.db, "import", subject: dump)
        if let failure = result.failure {
            var message = dump
            if let line = failure.line { message += ":\(line)" }
            message += ": \(failure.message)"
            if let statement = failure.statement { message += " — in: \(statement)" }
            return CheckResult(id, status: failure.beyondLimit ? .error : .fail, message: message)
        }
        let summary =
            "\(plural(result.statements, "statement")), \(plural(result.rowsInserted, "row")) into \(engine) in "
            + "\(String(format: "%.2f", result.seconds)) s"
        guard result.omitted.isEmpty else {
            var kinds: [String: Int] = [:]
            for omission in result.omitted { kinds[omission.kind, default: 0] += 1 }
            let counts = kinds.sorted { $0.key < $1.key }.map { plural($0.value, $0.key) }.joined(separator: ", ")
            return CheckResult(
                id, status: .warn,
                message: "\(summary); not carried into \(engine): \(counts)",
                offenders: result.omitted.map { Offender($0.name, "\($0.kind) not carried into \(engine)") })
        }
        return CheckResult(id, status: .pass, message: summary)
    }

    func integrity(_ problems: [Offender], engine: String) -> CheckResult {
        CheckResult.judge(
            CheckID(.db, "integrity", subject: dump), offenders: problems,
            pass: "\(engine) integrity check and foreign keys hold",
            fail: { "\(dump): \(plural($0, "integrity problem"))" })
    }

    /// `counts` lists the tables; `count` reaches anything else a rule names (a view, such as
    /// a PostgreSQL partitioned parent).
    /// `databases`: those a dump of several selected; the plan's `databases:` must each be there.
    func tables(_ counts: [TableCount], databases: [String] = [], count: (String) -> Int? = { _ in nil }) -> CheckResult
    {
        let id = CheckID(.db, "tables", subject: dump)
        let total = counts.reduce(0) { $0 + $1.rows }
        let summary = "\(plural(counts.count, "table")), \(plural(total, "row"))"
        var offenders: [Offender] = []
        for name in plan?.databases ?? [] {
            let present =
                databases.contains(name) || counts.contains { $0.name.lowercased().hasPrefix(name.lowercased() + ".") }
            if !present { offenders.append(Offender(name, "database missing from the restored dump")) }
        }
        for rule in plan?.tables ?? [] {
            // In a dump of several databases a bare name may stand for the one `db.name` there is.
            let qualified = counts.filter { $0.name.lowercased().hasSuffix("." + rule.name.lowercased()) }
            guard
                let found = counts.first(where: { $0.name == rule.name })
                    ?? counts.first(where: { $0.name.lowercased() == rule.name.lowercased() })
                    ?? count(rule.name).map({ TableCount(name: rule.name, rows: $0) })
                    ?? (qualified.count == 1 ? qualified.first : nil)
            else {
                offenders.append(Offender(rule.name, "table missing from the restored dump"))
                continue
            }
            if let rows = rule.rows, found.rows != rows {
                offenders.append(Offender(rule.name, "\(found.rows) rows, the plan expects exactly \(rows)"))
            }
            if let minimum = rule.minRows, found.rows < minimum {
                offenders.append(Offender(rule.name, "\(found.rows) rows, the plan expects at least \(minimum)"))
            }
        }
        if !offenders.isEmpty {
            return CheckResult(
                id, status: .fail, message: "\(dump): \(plural(offenders.count, "table rule")) not met (\(summary))",
                offenders: offenders)
        }
        if counts.isEmpty {
            return CheckResult(id, status: .fail, message: "\(dump): the restored dump holds no table")
        }
        if total == 0 {
            return CheckResult(id, status: .warn, message: "\(dump): every table is empty (a schema-only dump?)")
        }
        return CheckResult(id, status: .pass, message: summary)
    }

    func assertion(_ rule: DatabasePlan.Assertion, in database: RestoredDatabase) -> CheckResult {
        let id = CheckID(.db, "assert", subject: dump, label: rule.name)
        let value: SQLValue?
        do { value = try database.firstValue(rule.sql) } catch {
            return CheckResult(
                id, status: .fail, message: "\(dump): the query failed: \(error) — in: \(SQLiteError.excerpt(rule.sql))"
            )
        }
        guard let value, value != .null else {
            return CheckResult(
                id, status: .fail, message: "\(dump): the query returned no value (\(SQLiteError.excerpt(rule.sql)))")
        }
        let ok: Bool
        let expected: String
        switch rule.expectation {
        case .equals(let text, let tolerance):
            if let want = Double(text), let got = value.number {
                ok = abs(got - want) <= (tolerance ?? max(1e-9, abs(want) * 1e-9))
            } else {
                ok = value.bytes == Array(text.utf8)
            }
            expected = "equal to \(text)" + (tolerance.map { " (±\($0))" } ?? "")
        case .range(let minimum, let maximum):
            let got = value.number
            ok =
                got.map { number in minimum.map { number >= $0 } ?? true && maximum.map { number <= $0 } ?? true }
                ?? false
            expected = [
                minimum.map { "at least \(SQLValue.plain($0))" }, maximum.map { "at most \(SQLValue.plain($0))" },
            ].compactMap { $0 }.joined(separator: " and ")
        case .sha256(let hex):
            let digest = SHA256.hash(data: value.bytes ?? []).map { String(format: "%02x", $0) }.joined()
            ok = digest == hex
            expected = "SHA-256 \(hex.prefix(12))…" + (ok ? "" : " (got \(digest.prefix(12))…)")
        }
        let shown: String
        if case .sha256 = rule.expectation {
            shown = "a value of \(plural(value.bytes?.count ?? 0, "byte"))"
        } else {
            shown = value.display
        }
        return ok
            ? CheckResult(id, status: .pass, message: "\(shown), \(expected)")
            : CheckResult(id, status: .fail, message: "\(dump): got \(shown), expected \(expected)")
    }

    func freshness(_ rule: DatabasePlan.Freshness, in database: RestoredDatabase) -> CheckResult {
        let id = CheckID(.db, "fresh", subject: dump)
        let value: SQLValue?
        do { value = try database.firstValue(rule.sql) } catch {
            return CheckResult(id, status: .fail, message: "\(dump): the query failed: \(error)")
        }
        guard let value, value != .null else {
            return CheckResult(id, status: .fail, message: "\(dump): the query returned no timestamp: no rows?")
        }
        guard let date = TimestampText.parse(value) else {
            return CheckResult(
                id, status: .error, message: "\(dump): '\(value.display)' is not a timestamp restorecheck can read")
        }
        let age = now.timeIntervalSince(date)
        let text =
            "newest row \(value.display) is \(AgeText.format(max(0, age))) old (limit \(AgeText.format(rule.maxAge)))"
        return age <= rule.maxAge
            ? CheckResult(id, status: .pass, message: text)
            : CheckResult(id, status: .fail, message: "\(dump): \(text)")
    }
}

/// Timestamps as the engines print them: `2026-11-25 10:00:00[.123][Z|+00|+0000|+00:00]` (or
/// with `T`), a bare date, or Unix seconds. No zone means UTC. Read by hand, strictly: a
/// `DateFormatter` per value set up ICU each time (the first one a set's slowest step), and
/// read `26-11-25` as the year 26 and `+1` as an hour.
enum TimestampText {
    static func parse(_ value: SQLValue) -> Date? {
        switch value {
        case .integer(let seconds): return Date(timeIntervalSince1970: Double(seconds))
        case .real(let seconds): return Date(timeIntervalSince1970: seconds)
        case .text(let bytes): return parse(bytes[...])
        default: return nil
        }
    }

    static func parse(_ text: String) -> Date? { parse(Array(text.utf8)[...]) }

    private static func parse(_ text: ArraySlice<UInt8>) -> Date? {
        var cursor = DigitCursor(text.trimmingSpaces())
        guard let year = cursor.number(4), cursor.skip("-"), let month = cursor.number(2), cursor.skip("-"),
            let day = cursor.number(2)
        else { return nil }
        if cursor.atEnd {
            return ISOTime.utc(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        }
        guard cursor.skip(" ") || cursor.skip("T"), let hour = cursor.number(2), cursor.skip(":"),
            let minute = cursor.number(2), cursor.skip(":"), let second = cursor.number(2)
        else { return nil }
        if cursor.skip(".") {
            guard cursor.digits() > 0 else { return nil }
        }
        var offset: Int32 = 0
        if !cursor.skip("Z"), let sign: Int32 = cursor.skip("+") ? 1 : cursor.skip("-") ? -1 : nil {
            guard let hours = cursor.number(2) else { return nil }
            var minutes: Int32 = 0
            if !cursor.atEnd {
                _ = cursor.skip(":")
                guard let given = cursor.number(2), given < 60 else { return nil }
                minutes = given
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard cursor.atEnd,
            let local = ISOTime.utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return local.addingTimeInterval(-TimeInterval(offset))
    }
}

/// Fixed-width decimal fields and separators, left to right.
private struct DigitCursor {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var atEnd: Bool { position == bytes.endIndex }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard !atEnd, bytes[position] == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    /// Exactly `width` digits.
    mutating func number(_ width: Int) -> Int32? {
        guard bytes.endIndex - position >= width else { return nil }
        var value: Int32 = 0
        for byte in bytes[position..<position + width] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int32(byte - 48)
        }
        position += width
        return value
    }

    /// Skips a run of digits; returns how many.
    mutating func digits() -> Int {
        let start = position
        while !atEnd, (48...57).contains(bytes[position]) { position += 1 }
        return position - start
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func trimmingSpaces() -> ArraySlice<UInt8> {
        var slice = self
        while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        return slice
    }
}
