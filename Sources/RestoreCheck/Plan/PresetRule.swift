/// `- preset: NAME` in `expect:`: a bundle of checks for something servers commonly hold,
/// which would otherwise be written rule by rule (issue: presets for what servers hold).
public struct PresetRule: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// WordPress at `root`: core files, a private wp-config.php, uploads, a dump with its tables.
        case wordpress
        /// Maildirs under `root`: cur/new/tmp in each, messages that parse as mail.
        case maildir
        /// Images, audio and video matching `glob`: content matches the extension, none empty or zeros.
        case media
        /// Dumps under `dir`: at least one, each complete and importable.
        case databaseDumps = "database-dumps"
        /// Config files at `paths`: present, not empty, modes no looser than `mode`.
        case config
    }

    public var kind: Kind
    /// `root:` (wordpress, maildir), `dir:` (database-dumps) or `glob:` (media).
    public var location: String
    /// `paths:` (config).
    public var paths: [String] = []
    /// `mode:` (config): the loosest mode allowed, default 0644.
    public var mode: UInt32 = 0o644
    public var line: Int?

    public init(kind: Kind, location: String) {
        self.kind = kind
        self.location = location
    }

    /// The identity its checks carry: `preset wordpress /var/www/html`, then the aspect judged.
    public func checkID(_ aspect: String? = nil) -> CheckID {
        CheckID(
            .files, "preset \(kind.rawValue)", subject: kind == .config ? paths.joined(separator: ", ") : location,
            aspect: aspect)
    }
}
