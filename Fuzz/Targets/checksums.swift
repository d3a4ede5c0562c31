@testable import RestoreCheck

/// Checksum lists (`sha256sum`, `--tag`, BSD forms) as a backup carries them: any bytes must
/// give entries or a `RestoreCheckError`, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChecksumList(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ChecksumListParser(origin: "fuzz").parse(bytes)
    return 0
}
