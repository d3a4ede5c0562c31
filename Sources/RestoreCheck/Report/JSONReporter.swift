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
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }
}
