/// One entry as the restore saw it: header metadata, where it landed, and its digests.
/// Only this compact record is kept per entry, never the data.
public struct IndexedEntry: Sendable {
    /// The archive's own name for it, normalized (`./a/b` → `a/b`).
    public var key: String
    /// Where it belongs on the production server (`/var/www/html/index.php`).
    public var productionPath: String
    public var type: EntryType
    public var permissions: UInt32
    public var uid: Int64
    public var gid: Int64
    public var uname: String?
    public var gname: String?
    public var size: Int64
    public var mtime: Int64
    /// Symlink target (as recorded) or hardlink target (its key).
    public var link: String?
    public var digests: [DigestAlgorithm: Hex] = [:]
    /// False when the entry was refused or could not be written.
    public var restored: Bool

    public init(
        key: String, productionPath: String, type: EntryType, permissions: UInt32, uid: Int64, gid: Int64,
        uname: String?, gname: String?, size: Int64, mtime: Int64, link: String?,
        digests: [DigestAlgorithm: Hex] = [:], restored: Bool
    ) {
        self.key = key
        self.productionPath = productionPath
        self.type = type
        self.permissions = permissions
        self.uid = uid
        self.gid = gid
        self.uname = uname
        self.gname = gname
        self.size = size
        self.mtime = mtime
        self.link = link
        self.digests = digests
        self.restored = restored
    }
}
