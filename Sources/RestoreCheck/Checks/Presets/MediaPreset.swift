import Foundation

/// `preset: media`: every image, audio and video file the glob matches holds what its
/// extension says (magic bytes), and none is empty or all zeros. Counts and bytes by type.
struct MediaPreset {
    let pattern: String
    let preset: PresetRule
    let context: PresetChecks

    /// Extension → (kind for the counts, a check of the first bytes).
    static let signatures: [String: (kind: String, test: @Sendable ([UInt8]) -> Bool)] = {
        func starts(_ magic: [UInt8]) -> @Sendable ([UInt8]) -> Bool { { $0.starts(with: magic) } }
        let ftyp: @Sendable ([UInt8]) -> Bool = { $0.count >= 8 && Array($0[4..<8]) == Array("ftyp".utf8) }
        func riff(_ form: String) -> @Sendable ([UInt8]) -> Bool {
            { $0.count >= 12 && $0.starts(with: Array("RIFF".utf8)) && Array($0[8..<12]) == Array(form.utf8) }
        }
        let mp3: @Sendable ([UInt8]) -> Bool = {
            $0.starts(with: Array("ID3".utf8)) || ($0.count >= 2 && $0[0] == 0xFF && $0[1] & 0xE0 == 0xE0)
        }
        let ebml = starts([0x1A, 0x45, 0xDF, 0xA3])
        return [
            "jpg": ("image", starts([0xFF, 0xD8, 0xFF])), "jpeg": ("image", starts([0xFF, 0xD8, 0xFF])),
            "png": ("image", starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
            "gif": ("image", starts(Array("GIF8".utf8))), "webp": ("image", riff("WEBP")),
            "bmp": ("image", starts(Array("BM".utf8))), "avif": ("image", ftyp), "heic": ("image", ftyp),
            "tif": (
                "image", { $0.starts(with: [0x49, 0x49, 0x2A, 0x00]) || $0.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) }
            ),
            "mp3": ("audio", mp3), "ogg": ("audio", starts(Array("OggS".utf8))),
            "oga": ("audio", starts(Array("OggS".utf8))),
            "wav": ("audio", riff("WAVE")), "flac": ("audio", starts(Array("fLaC".utf8))), "m4a": ("audio", ftyp),
            "mp4": ("video", ftyp), "m4v": ("video", ftyp), "mov": ("video", ftyp), "webm": ("video", ebml),
            "mkv": ("video", ebml), "ogv": ("video", starts(Array("OggS".utf8))), "avi": ("video", riff("AVI ")),
            "pdf": ("document", starts(Array("%PDF-".utf8))),
        ]
    }()

    func results() -> [CheckResult] {
        let glob = Glob(pattern)
        var offenders: [Offender] = []
        var counts: [String: (files: Int, bytes: Int64)] = [:]
        for entry in context.index.entries
        where entry.type == .file && entry.restored && glob.matches(entry.productionPath) {
            let ext = (entry.productionPath.split(separator: ".").last.map { String($0).lowercased() }) ?? ""
            guard entry.productionPath.contains("."), let signature = Self.signatures[ext] else { continue }
            counts[signature.kind, default: (0, 0)].files += 1
            counts[signature.kind, default: (0, 0)].bytes += entry.size
            let path = entry.productionPath
            var head: [UInt8] = []
            var nonZero = false
            let readable = context.reader.stream(path) { chunk in
                if head.count < 16 { head += chunk.prefix(16 - head.count) }
                if chunk.contains(where: { $0 != 0 }) { nonZero = true }
                return !nonZero || head.count < 16 // stop once both are known
            }
            if !readable {
                offenders.append(Offender(path, "cannot be read"))
                continue
            }
            if head.isEmpty {
                offenders.append(Offender(path, "empty"))
                continue
            }
            if !nonZero {
                offenders.append(Offender(path, "all zeros"))
                continue
            }
            if !signature.test(head) {
                offenders.append(
                    Offender(
                        path,
                        "content is not \(ext.uppercased()) (first bytes "
                            + "\(head.prefix(8).map { String(format: "%02x", $0) }.joined()))"
                    ))
            }
        }
        let summary = counts.sorted { $0.key < $1.key }.map {
            "\($0.key) \($0.value.files) (\(ByteSize.format(UInt64($0.value.bytes))))"
        }.joined(separator: ", ")
        guard !counts.isEmpty else {
            return [
                CheckResult(
                    preset.checkID("content"), status: .fail,
                    message: "no image, audio or video file matches \(pattern)")
            ]
        }
        return [
            CheckResult.judge(
                preset.checkID("content"), offenders: offenders, pass: summary,
                fail: { "\(plural($0, "media file")) damaged (\(summary))" })
        ]
    }
}
