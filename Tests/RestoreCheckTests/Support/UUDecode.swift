import Foundation
import Testing

/// Decodes libarchive's uuencoded test archives (`begin MODE NAME` … `end`), as POSIX
/// `uudecode` would: each line's first character gives its byte count.
enum UUDecode {
    static let peer = TestEnvironment.packageRoot.appendingPathComponent("Fixtures/libarchive").path

    /// Decodes `Fixtures/libarchive/<relative>.uu` into `directory`; returns the archive's path.
    static func archive(_ relative: String, into directory: String) -> String {
        let source = peer + "/" + relative + ".uu"
        let output = directory + "/" + ((relative as NSString).lastPathComponent)
        guard let text = FileManager.default.contents(atPath: source) else {
            Issue.record("no test archive at \(source)")
            return output
        }
        var bytes: [UInt8] = []
        var started = false
        for line in text.split(separator: 0x0A) {
            let line = Array(line.last == 0x0D ? line.dropLast() : line)
            if !started {
                started = line.starts(with: Array("begin ".utf8))
                continue
            }
            if line == Array("end".utf8) { break }
            guard let first = line.first else { continue }
            let count = Int((first &- 0x20) & 0x3F)
            var decoded: [UInt8] = []
            var index = 1
            while decoded.count < count && index < line.count {
                let group = (0..<4).map { offset -> UInt8 in
                    index + offset < line.count ? (line[index + offset] &- 0x20) & 0x3F : 0
                }
                decoded += [group[0] << 2 | group[1] >> 4, group[1] << 4 | group[2] >> 2, group[2] << 6 | group[3]]
                index += 4
            }
            bytes += decoded.prefix(count)
        }
        _ = FileManager.default.createFile(atPath: output, contents: Data(bytes))
        return output
    }
}
