@testable import RestoreCheck

/// What `diff` and `baseline` read from files of a backup and a live server: the two sides of
/// a changed file (split at the first 0xFF byte, or in half), the secret detector on each, and
/// each line as a moment (the history's time format). Any bytes: lines or nil, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextDiff(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = bytes.firstIndex(of: 0xFF) ?? bytes.count / 2
    let backup = Array(bytes[..<cut])
    let live = Array(bytes[min(cut + 1, bytes.count)...])
    _ = TextDiff.lines(backup: backup, live: live)
    _ = SecretContent.holdsSecret(backup)
    _ = SecretContent.holdsSecret(live)
    for line in String(decoding: backup, as: UTF8.self).split(separator: "\n").prefix(64) {
        _ = ISOTime.parse(String(line))
    }
    return 0
}
