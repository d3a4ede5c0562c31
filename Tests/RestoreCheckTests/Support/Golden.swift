import Foundation
import Testing

/// Golden files: an output pinned byte for byte under `Tests/Golden/`.
/// `make golden` (RESTORECHECK_UPDATE_GOLDEN=1) rewrites them from the current outputs; any
/// other run compares and fails on the first line that differs, naming the file.
enum Golden {
    static let directory = TestEnvironment.packageRoot.appendingPathComponent("Tests/Golden").path
    static var updating: Bool { ProcessInfo.processInfo.environment["RESTORECHECK_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name` (or rewrites it under `make golden`).
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = directory + "/" + name
        if updating {
            do { try actual.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                Issue.record("cannot write the golden file \(path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record(
                "no golden file \(path): run `make golden` and review what it wrote", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(String(decoding: data, as: UTF8.self), actual) {
            Issue.record(
                "\(name) differs from its golden file (`make golden` rewrites it after review): \(difference)",
                sourceLocation: sourceLocation)
        }
    }

    /// Where two texts first differ, as `line N: golden «…» / now «…»`; nil when equal.
    static func firstDifference(_ golden: String, _ actual: String) -> String? {
        guard golden != actual else { return nil }
        let expected = golden.components(separatedBy: "\n")
        let got = actual.components(separatedBy: "\n")
        for line in 0..<max(expected.count, got.count) {
            let before = line < expected.count ? expected[line] : "(end of file)"
            let after = line < got.count ? got[line] : "(end of file)"
            if before != after { return "line \(line + 1): golden «\(before)» / now «\(after)»" }
        }
        return "the texts differ in a way lines do not show (line endings?)"
    }

    /// Replaces what may differ between machines and runs, never what the product decides:
    /// the scratch directory's path, and the free space of its file system.
    static func normalize(_ text: String, work: String) -> String {
        var text = text.replacingOccurrences(of: work, with: "$WORK")
        text = text.replacing(#/[0-9.]+ ?[KMGTP]?i?B free on/#, with: "$FREE free on")
        return text.replacing(#/[0-9.]+ ?[KMGTP]?i?B free, /#, with: "$FREE free, ")
    }
}
