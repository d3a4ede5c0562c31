import Foundation

/// One output format of a run. Each format is one small type behind this protocol, so adding
/// a format never touches the others (the shape of SwiftLint's reporters).
public protocol Reporter {
    /// The file this reporter writes in the report directory.
    var fileName: String { get }
    func render(_ report: RunReport) throws -> Data
}

/// Writes the chosen reports into the report directory, each through a temporary file and a
/// rename, so a reader never sees half a report.
public struct ReportWriter {
    public let directory: String
    public let reporters: [Reporter]

    public init(directory: String, formats: [ReportSettings.Format]) {
        self.directory = directory
        reporters = formats.map { format -> Reporter in
            switch format {
            case .junit: return JUnitReporter()
            case .json: return JSONReporter()
            }
        }
    }

    /// Returns the paths written.
    @discardableResult
    public func write(_ report: RunReport) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RestoreCheckError(.io, "cannot create the report directory", path: directory, errno: EACCES)
        }
        var written: [String] = []
        for reporter in reporters {
            let path = (directory as NSString).appendingPathComponent(reporter.fileName)
            let temporary = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: try reporter.render(report)) else {
                throw RestoreCheckError(.io, "cannot write the report", path: temporary, errno: errno)
            }
            guard rename(temporary, path) == 0 else {
                throw RestoreCheckError(.io, "cannot move the report into place", path: path, errno: errno)
            }
            written.append(path)
        }
        return written
    }
}
