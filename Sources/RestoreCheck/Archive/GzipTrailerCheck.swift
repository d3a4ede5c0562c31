import CRCZlib

/// libarchive inflates gzip without checking the member's CRC-32 and length trailer, so a
/// bit-flipped `.tar.gz` can restore "cleanly" (libarchive does not check the gzip CRC). This check inflates the same
/// raw
/// bytes the archive reader already has in hand (no second read) with zlib, which does verify
/// the trailer, member after member, and records the first damage it meets.
final class GzipTrailerCheck {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    private var active = false
    private var finishedMember = false
    private(set) var damage: String?
    private var memberCount = 0

    init() {
        stream.initialize(to: z_stream())
        active = inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if active { inflateEnd(stream) }
        stream.deallocate()
        scratch.deallocate()
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard active, damage == nil, let base = bytes.baseAddress, bytes.count > 0 else { return }
        var input = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        var left = bytes.count
        while left > 0 && damage == nil {
            if finishedMember {
                // After a member's trailer: another member, zero padding, or garbage.
                if input.pointee == 0 {
                    input += 1
                    left -= 1
                    continue
                }
                inflateReset(stream)
                finishedMember = false
            }
            stream.pointee.next_in = input
            stream.pointee.avail_in = UInt32(min(left, Int(UInt32.max)))
            repeat {
                stream.pointee.next_out = scratch
                stream.pointee.avail_out = 1 << 16
                let code = inflate(stream, Z_NO_FLUSH)
                if code == Z_STREAM_END {
                    memberCount += 1
                    finishedMember = true
                    break
                }
                if code != Z_OK && code != Z_BUF_ERROR {
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                    damage = "gzip member \(memberCount + 1) is damaged: \(message)"
                    return
                }
            } while stream.pointee.avail_out == 0 && stream.pointee.avail_in > 0
            let consumed = left - Int(stream.pointee.avail_in)
            input += consumed
            left -= consumed
            if consumed == 0 && !finishedMember { break }
        }
    }

    /// Called at the end of the input: a member that never reached its trailer is truncated.
    func finish() {
        guard active, damage == nil else { return }
        if !finishedMember { damage = "gzip stream ends before its CRC trailer (truncated)" }
    }
}
