/// One dump as the reports show it: where it was, what it was, where it went, what arrived.
public struct DumpReport: Codable, Sendable {
    public var dump: String
    public var format: DumpFormat?
    public var dialect: DumpDialect?
    public var target: DatabasePlan.Target
    /// The compression libarchive found ("gzip", "zstd", …), nil when plain.
    public var compression: String?
    public var complete: Bool?
    public var statements = 0
    public var rowsInserted = 0
    public var bytes: UInt64 = 0
    public var seconds = 0.0
    /// Every table's rows, whether or not a rule names it.
    public var tables: [TableCount] = []
    public var omitted: [DumpImportResult.Omission] = []

    public init(dump: String, target: DatabasePlan.Target) {
        self.dump = dump
        self.target = target
    }

    public var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }
}
