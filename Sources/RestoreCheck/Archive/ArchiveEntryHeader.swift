import CRCArchive

#if canImport(Glibc)
    import Glibc
#endif

/// The kinds of entry an archive can hold.
public enum EntryType: String, Codable, Sendable {
    case file, directory, symlink, hardlink
    case characterDevice = "char-device"
    case blockDevice = "block-device"
    case fifo, socket, unknown

    init(filetype: UInt32, hardlink: Bool) {
        switch filetype {
        case RC_AE_IFREG: self = hardlink ? .hardlink : .file
        case RC_AE_IFDIR: self = .directory
        case RC_AE_IFLNK: self = .symlink
        case RC_AE_IFCHR: self = .characterDevice
        case RC_AE_IFBLK: self = .blockDevice
        case RC_AE_IFIFO: self = .fifo
        case RC_AE_IFSOCK: self = .socket
        default: self = hardlink ? .hardlink : .unknown
        }
    }
}

/// What an archive header says of one entry, copied out of libarchive's `archive_entry`
/// (which is only valid until the next header is read).
public struct ArchiveEntryHeader: Sendable {
    /// The name as stored, raw bytes.
    public var nameBytes: [UInt8]
    public var type: EntryType
    /// Permission bits including setuid, setgid and sticky (07777).
    public var permissions: UInt32
    public var uid: Int64
    public var gid: Int64
    public var uname: String?
    public var gname: String?
    /// Declared size of the data (0 for a tar hardlink, whose data came earlier).
    public var size: Int64
    public var mtime: Int64
    public var symlinkTarget: [UInt8]?
    public var hardlinkTarget: [UInt8]?
    /// The entry has a sparse map: offsets may jump (holes), and a trailing hole is real.
    public var isSparse: Bool

    public var name: String { EntryName.key(nameBytes) }

    init?(_ entry: OpaquePointer) {
        guard let rawName = archive_entry_pathname(entry) ?? archive_entry_pathname_utf8(entry) else { return nil }
        nameBytes = Array(UnsafeBufferPointer(start: rawName, count: strlen(rawName))).map { UInt8(bitPattern: $0) }
        let hardlink = (archive_entry_hardlink(entry) ?? archive_entry_hardlink_utf8(entry)).map(Self.bytes)
        hardlinkTarget = hardlink
        type = EntryType(filetype: UInt32(archive_entry_filetype(entry)), hardlink: hardlink != nil)
        permissions = UInt32(archive_entry_perm(entry)) & 0o7777
        uid = archive_entry_uid(entry)
        gid = archive_entry_gid(entry)
        uname = (archive_entry_uname(entry) ?? archive_entry_uname_utf8(entry)).map { String(cString: $0) }
        gname = (archive_entry_gname(entry) ?? archive_entry_gname_utf8(entry)).map { String(cString: $0) }
        size = archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : 0
        mtime = Int64(archive_entry_mtime(entry))
        isSparse = archive_entry_sparse_count(entry) > 0
        symlinkTarget =
            type == .symlink ? (archive_entry_symlink(entry) ?? archive_entry_symlink_utf8(entry)).map(Self.bytes) : nil
    }

    private static func bytes(_ pointer: UnsafePointer<CChar>) -> [UInt8] {
        Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
    }
}
