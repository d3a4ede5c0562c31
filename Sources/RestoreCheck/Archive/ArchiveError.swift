import CRCArchive

/// A libarchive call that did not return ARCHIVE_OK: its return code, libarchive's own message,
/// the entry being read when it happened, and the call that failed.
public struct ArchiveError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let entry: String?
    public let operation: String

    public var isFatal: Bool { code == ARCHIVE_FATAL }

    public var description: String {
        var text = ""
        if let entry { text += "at entry \(entry): " }
        text += message
        return text + " (\(operation) returned \(Self.name(of: code)))"
    }

    static func name(of code: Int32) -> String {
        switch code {
        case ARCHIVE_OK: return "ARCHIVE_OK"
        case ARCHIVE_EOF: return "ARCHIVE_EOF"
        case ARCHIVE_RETRY: return "ARCHIVE_RETRY"
        case ARCHIVE_WARN: return "ARCHIVE_WARN"
        case ARCHIVE_FAILED: return "ARCHIVE_FAILED"
        case ARCHIVE_FATAL: return "ARCHIVE_FATAL"
        default: return "code \(code)"
        }
    }
}
