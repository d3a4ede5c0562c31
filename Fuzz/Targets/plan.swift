@testable import RestoreCheck

/// Plans as an operator writes them (YAML, durations, sizes, globs, presets, databases):
/// a `Plan` or a `RestoreCheckError` naming the line, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? PlanLoader().parse(text, file: "fuzz.yml", baseDirectory: "/nonexistent")
    return 0
}
