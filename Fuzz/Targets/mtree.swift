@testable import RestoreCheck

/// mtree specifications (bsdtar's full paths, NetBSD's relative form with `..`): any bytes
/// must give entries or a `RestoreCheckError`, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMtree(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = MtreeParser.looksLikeMtree(bytes)
    _ = try? MtreeParser(origin: "fuzz").parse(bytes)
    return 0
}
