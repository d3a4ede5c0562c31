/// What re-importing one dump found, whatever the target engine: whether it was complete,
/// the first statement that failed, what could not be carried over, how much arrived.
public struct DumpImportResult: Sendable {
    /// The first failure: the dump's line, the start of the statement, the engine's message.
    public struct Failure: Sendable, Error {
        public var line: Int?
        public var statement: String?
        public var message: String
        /// The dump went past one of restorecheck's own bounds: it could not be verified,
        /// which says nothing against the dump.
        public var beyondLimit = false
    }

    /// Something the target cannot hold, by kind and name ("function public.last_day").
    public struct Omission: Sendable, Hashable, Codable {
        public var kind: String
        public var name: String
    }

    public var dialect: DumpDialect
    /// True when the dump ends with its tool's trailer, judged at the real end of the dump.
    public var complete = false
    /// Why it is not complete, when it is not; or, when it is, why that could only be judged
    /// on its last statement (a dump written without comments carries no trailer).
    public var incompleteReason: String?
    /// Whole as far as can be told, but no trailer could be checked (`--compact`): a warning,
    /// or a failure with `require_trailer: true`.
    public var trailerUnchecked = false
    /// The databases a dump of several selected (`USE`, `\connect`), in order.
    public var databases: [String] = []
    public var failure: Failure?
    public var omitted: [Omission] = []
    public var statements = 0
    public var rowsInserted = 0
    public var lines = 0
    public var bytes: UInt64 = 0
    public var seconds = 0.0

    public init(dialect: DumpDialect) { self.dialect = dialect }

    mutating func omit(_ kind: String, _ name: String) {
        let omission = Omission(kind: kind, name: name)
        if !omitted.contains(omission) { omitted.append(omission) }
    }
}

/// Tracks whether a dump really ended: the trailer must be the last thing in it (blank lines
/// and psql's `\unrestrict` may follow), at the top level, not inside a string or COPY data.
struct CompletenessTracker {
    let dialect: DumpDialect
    private(set) var trailerLine: Int?
    private(set) var committed: Bool?
    /// The tool's opening comment was seen, so its closing one is expected.
    private(set) var sawHeader = false

    init(dialect: DumpDialect) { self.dialect = dialect }

    mutating func comment(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        func starts(_ prefix: String) -> Bool {
            let text = Array(prefix.utf8)
            return line.count >= text.count && zip(line, text).allSatisfy { $0 == $1 }
        }
        if dialect.trailers.contains(where: starts) {
            trailerLine = number
        } else if dialect.headers.contains(where: starts) {
            sawHeader = true
        }
    }

    /// The dump ended inside a statement or COPY block: cut short, trailer or not.
    private(set) var cutShort: String?
    mutating func cut(_ reason: String) { cutShort = cutShort ?? reason }

    /// Any statement or data after the trailer means the trailer was not the end.
    mutating func content() {
        trailerLine = nil
        committed = nil
    }

    mutating func transactionEnd(committed: Bool) { self.committed = committed }

    /// `unchecked`: whole as far as its statements go, but written without comments, so no
    /// trailer could say the tool finished (the caller has already refused an open statement).
    func verdict(lastLine: Int) -> (complete: Bool, reason: String?, unchecked: Bool) {
        if let cutShort { return (false, cutShort, false) }
        switch dialect {
        case .sqlite:
            if committed == true { return (true, nil, false) }
            if committed == false {
                return (false, "the dump ends with ROLLBACK: sqlite3 met errors while dumping", false)
            }
            return (
                false, "the dump does not end with the COMMIT a `.dump` writes last (last line \(lastLine))", false
            )
        case .mysql, .postgres:
            if trailerLine != nil { return (true, nil, false) }
            if !sawHeader {
                return (
                    true,
                    "written without comments (--compact or --skip-comments), so no `\(dialect.trailer!)` trailer "
                        + "could be checked: judged whole because it ends with a whole statement (line \(lastLine))",
                    true
                )
            }
            return (
                false,
                "no `\(dialect.trailer!)` line at the end: the dump stops at line \(lastLine) before its tool finished",
                false
            )
        }
    }
}
