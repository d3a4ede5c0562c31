import CRCArchive
import Foundation

/// Builds archives in code with libarchive's writer, so tests can make entries no honest
/// tool would write: absolute names, `..`, links out, devices, setuid files.
final class ArchiveBuilder {
    enum Format { case pax, gnutar, zip }
    enum Filter { case none, gzip }

    private let handle: OpaquePointer
    let path: String

    init(_ path: String, format: Format = .pax, filter: Filter = .none) {
        self.path = path
        handle = archive_write_new()!
        switch format {
        case .pax: archive_write_set_format_pax_restricted(handle)
        case .gnutar: archive_write_set_format_gnutar(handle)
        case .zip: archive_write_set_format_zip(handle)
        }
        if filter == .gzip { archive_write_add_filter_gzip(handle) }
        precondition(archive_write_open_filename(handle, path) == ARCHIVE_OK)
    }

    deinit { archive_write_free(handle) }

    @discardableResult
    func file(_ name: String, _ text: String, mode: Int32 = 0o644, owner: String = "root", uid: Int64 = 0) -> Self {
        add(name, type: RC_AE_IFREG, mode: mode, data: Array(text.utf8), owner: owner, uid: uid)
    }

    @discardableResult
    func file(bytes name: [UInt8], _ text: String) -> Self {
        add(bytes: name, type: RC_AE_IFREG, mode: 0o644, data: Array(text.utf8))
    }

    @discardableResult
    func directory(_ name: String, mode: Int32 = 0o755) -> Self { add(name, type: RC_AE_IFDIR, mode: mode) }

    @discardableResult
    func symlink(_ name: String, to target: String) -> Self {
        add(name, type: RC_AE_IFLNK, mode: 0o777, symlink: target)
    }

    @discardableResult
    func hardlink(_ name: String, to target: String) -> Self {
        add(name, type: RC_AE_IFREG, mode: 0o644, hardlink: target)
    }

    @discardableResult
    func special(_ name: String, type: UInt32) -> Self { add(name, type: type, mode: 0o644) }

    @discardableResult
    func add(
        _ name: String, type: UInt32, mode: Int32, data: [UInt8] = [], symlink: String? = nil, hardlink: String? = nil,
        owner: String = "root", uid: Int64 = 0
    ) -> Self {
        add(
            bytes: Array(name.utf8), type: type, mode: mode, data: data, symlink: symlink, hardlink: hardlink,
            owner: owner, uid: uid)
    }

    @discardableResult
    func add(
        bytes name: [UInt8], type: UInt32, mode: Int32, data: [UInt8] = [], symlink: String? = nil,
        hardlink: String? = nil,
        owner: String = "root", uid: Int64 = 0
    ) -> Self {
        let entry = archive_entry_new()!
        defer { archive_entry_free(entry) }
        var cName = name.map { CChar(bitPattern: $0) } + [0]
        cName.withUnsafeMutableBufferPointer { archive_entry_copy_pathname(entry, $0.baseAddress) }
        archive_entry_set_filetype(entry, type)
        archive_entry_set_perm(entry, mode_t(mode))
        archive_entry_set_uid(entry, uid)
        archive_entry_set_gid(entry, uid)
        archive_entry_copy_uname(entry, owner)
        archive_entry_copy_gname(entry, owner)
        archive_entry_set_mtime(entry, 1_795_658_400, 0)
        if let symlink { archive_entry_copy_symlink(entry, symlink) }
        if let hardlink { archive_entry_copy_hardlink(entry, hardlink) }
        archive_entry_set_size(entry, type == RC_AE_IFREG && hardlink == nil ? Int64(data.count) : 0)
        precondition(archive_write_header(handle, entry) >= ARCHIVE_WARN, String(cString: archive_error_string(handle)))
        if !data.isEmpty, hardlink == nil {
            _ = data.withUnsafeBytes { archive_write_data(handle, $0.baseAddress, $0.count) }
        }
        return self
    }

    func close() {
        archive_write_close(handle)
    }
}
