@testable import RestoreCheck

/// A dump held in memory, read in small pieces so line and statement boundaries fall
/// inside reads as they do on a real stream.
final class BytesDumpSource: DumpByteSource {
    private let bytes: [UInt8]
    private let piece: Int
    private var position = 0

    init(_ text: String, piece: Int = 7) {
        bytes = Array(text.utf8)
        self.piece = piece
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(piece, buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}
