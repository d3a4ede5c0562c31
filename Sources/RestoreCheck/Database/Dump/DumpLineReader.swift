#if canImport(Glibc)
    import Glibc
#endif

/// Splits a dump's byte stream into lines without holding more than one line (plus one read
/// buffer) in memory: a multi-megabyte extended INSERT on one line is fine, a 10 GB dump too.
/// Lines come without their `\n` but with any `\r` before it, which may be a byte of a
/// string value (a CR LF inside a literal); numbering starts at 1.
final class DumpLineReader {
    /// 32 MiB: far above mysqldump's lines (net_buffer_length, at most 1 MiB) and pg_dump's
    /// rows, and low enough that a line, the statement made of it and its parsed values stay
    /// within 128 MiB (measured by `make bench`).
    static let defaultMaxLineBytes = 32 << 20

    /// A line longer than the bound: holding it whole would make memory follow the dump.
    struct LineTooLong: Error {
        let line: Int
        let limit: Int
    }

    private let source: DumpByteSource
    private let maxLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var carry: [UInt8] = []
    private var finished = false
    /// The number of the line returned last.
    private(set) var lineNumber = 0
    /// Every byte read so far (for progress and the report).
    private(set) var bytesRead: UInt64 = 0
    /// False when the last line had no newline: the dump stopped mid-line.
    private(set) var endedWithNewline = true

    init(source: DumpByteSource, chunkSize: Int = 1 << 18, maxLineBytes: Int = defaultMaxLineBytes) {
        self.source = source
        self.maxLineBytes = maxLineBytes
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Calls `body` with the next line's bytes (valid only during the call); false at the end.
    func nextLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        while true {
            if start < end {
                let found: Int? = buffer.withUnsafeBufferPointer { all in
                    memchr(all.baseAddress! + start, 0x0A, end - start).map {
                        UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - all.baseAddress!
                    }
                }
                if let newline = found {
                    guard carry.count + (newline - start) <= maxLineBytes else {
                        carry = []
                        start = newline + 1
                        throw LineTooLong(line: lineNumber + 1, limit: maxLineBytes)
                    }
                    lineNumber += 1
                    let lineStart = start
                    start = newline + 1
                    if carry.isEmpty {
                        try buffer.withUnsafeBufferPointer { all in
                            try body(UnsafeBufferPointer(rebasing: all[lineStart..<newline]))
                        }
                    } else {
                        carry.append(contentsOf: buffer[lineStart..<newline])
                        try carry.withUnsafeBufferPointer { try body($0) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    return true
                }
                guard carry.count + (end - start) <= maxLineBytes else {
                    carry = []
                    throw LineTooLong(line: lineNumber + 1, limit: maxLineBytes)
                }
                carry.append(contentsOf: buffer[start..<end])
                start = end
            }
            if finished {
                guard !carry.isEmpty else { return false }
                lineNumber += 1
                endedWithNewline = false
                try carry.withUnsafeBufferPointer { try body($0) }
                carry.removeAll()
                return true
            }
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            bytesRead += UInt64(count)
            start = 0
            end = count
            if count == 0 { finished = true }
        }
    }

    /// Reads the rest of the source without looking at it (so a producer such as pg_restore
    /// can finish), whatever the length of its lines.
    func drain() throws {
        carry = []
        while !finished {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            bytesRead += UInt64(count)
            if count == 0 { finished = true }
        }
        start = 0
        end = 0
    }

    /// A line without the CR of a CRLF ending (for COPY data, where a CR in a value is
    /// always escaped as `\r`).
    static func trimCR(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = line.last, last == 0x0D { return UnsafeBufferPointer(rebasing: line.dropLast()) }
        return line
    }
}
