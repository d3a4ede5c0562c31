import Foundation

/// `report.json`: the whole run for machines, keys sorted and snake_cased so diffs between
/// runs are stable.
public struct JSONReporter: Reporter {
    public let fileName = "report.json"
    public init() {}

    public func render(_ report: RunReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }

    /// Reads a `report.json` back into the model (tests, and tools built on the library).
    public static func decode(_ data: Data) throws -> RunReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RunReport.self, from: data)
    }
}
