import Crypto
import Foundation

/// The digest algorithms manifests use. SHA-256 is always computed during the restore; the
/// others only when a manifest asks for them.
public enum DigestAlgorithm: String, CaseIterable, Codable, Sendable, Comparable {
    case md5, sha1, sha256, sha512

    /// Hex length of a digest, which is how GNU-style manifest lines are recognised.
    public var hexLength: Int {
        switch self {
        case .md5: return 32
        case .sha1: return 40
        case .sha256: return 64
        case .sha512: return 128
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.hexLength < rhs.hexLength }
}

/// Several running digests fed from one stream of bytes.
public struct MultiDigest {
    private var md5: Insecure.MD5?
    private var sha1: Insecure.SHA1?
    private var sha256: SHA256?
    private var sha512: SHA512?

    public init(_ algorithms: Set<DigestAlgorithm>) {
        if algorithms.contains(.md5) { md5 = Insecure.MD5() }
        if algorithms.contains(.sha1) { sha1 = Insecure.SHA1() }
        if algorithms.contains(.sha256) { sha256 = SHA256() }
        if algorithms.contains(.sha512) { sha512 = SHA512() }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        md5?.update(bufferPointer: bytes)
        sha1?.update(bufferPointer: bytes)
        sha256?.update(bufferPointer: bytes)
        sha512?.update(bufferPointer: bytes)
    }

    /// Feeds `count` zero bytes (a hole in a sparse file).
    /// `progress` is called every 64 MiB: hashing the hole of a 4 GiB sparse file is work
    /// the watchdog must see as progress, not as a stalled reader.
    public mutating func updateZeros(_ count: Int64, progress: () throws -> Void = {}) rethrows {
        let chunk = [UInt8](repeating: 0, count: 65536)
        var left = count
        var sinceProgress = 0
        try chunk.withUnsafeBytes { zeros in
            while left > 0 {
                let n = Int(min(left, Int64(zeros.count)))
                update(UnsafeRawBufferPointer(rebasing: zeros[0..<n]))
                left -= Int64(n)
                sinceProgress += n
                if sinceProgress >= 64 << 20 {
                    sinceProgress = 0
                    try progress()
                }
            }
        }
    }

    public func finalize() -> [DigestAlgorithm: Hex] {
        var out: [DigestAlgorithm: Hex] = [:]
        if let md5 { out[.md5] = Hex(Array(md5.finalize())) }
        if let sha1 { out[.sha1] = Hex(Array(sha1.finalize())) }
        if let sha256 { out[.sha256] = Hex(Array(sha256.finalize())) }
        if let sha512 { out[.sha512] = Hex(Array(sha512.finalize())) }
        return out
    }
}

/// A digest value, stored as bytes and printed as lowercase hex.
public struct Hex: Hashable, Sendable, CustomStringConvertible, Codable {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses hex text of either case; nil when it is not hex.
    public init?(hex text: Substring) {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = Self.nibble(high), let l = Self.nibble(low) else { return nil }
            bytes.append(h << 4 | l)
        }
        self.bytes = bytes
    }

    /// One hex digit's value (either case); shared by every hex reader in the module.
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Hex(hex: Substring(text)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not hex"))
        }
        self = value
    }
}

extension MultiDigest {
    /// SHA-256 of a file on disk, of its first `limit` bytes (all by default): a file that
    /// grows while it is read (a log) cannot keep the reader going for ever.
    static func sha256(ofFile path: String, limit: Int64 = .max) -> Hex? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var digest = MultiDigest([.sha256])
        var left = limit
        while left > 0, let chunk = try? handle.read(upToCount: Int(min(Int64(1 << 20), left))), !chunk.isEmpty {
            chunk.withUnsafeBytes { digest.update($0) }
            left -= Int64(chunk.count)
        }
        return digest.finalize()[.sha256]
    }
}
