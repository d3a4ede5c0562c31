/// Cuts a fuzz input into numbered lines without their newline, as the dump and manifest
/// readers hand lines over.
enum FuzzLines {
    static func split(_ bytes: [UInt8]) -> [(Int, [UInt8])] {
        var lines: [(Int, [UInt8])] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append((lines.count + 1, Array(bytes[start..<index])))
            start = index + 1
        }
        if start < bytes.count { lines.append((lines.count + 1, Array(bytes[start...]))) }
        return lines
    }
}
