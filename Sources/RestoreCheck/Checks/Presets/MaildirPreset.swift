/// `preset: maildir`: every mailbox under `root` has `cur`, `new` and `tmp`, and every message
/// in `cur` and `new` parses as mail (header lines, then a blank line). Counts per mailbox.
struct MaildirPreset {
    let root: String
    let preset: PresetRule
    let context: PresetChecks

    static let folders = ["cur", "new", "tmp"]

    /// Directories under root holding any of cur/new/tmp.
    private var mailboxes: [String] {
        let prefix = root + "/"
        var found = Set<String>()
        for directory in context.index.directories where directory.hasPrefix(prefix) {
            let name = directory.split(separator: "/").last.map(String.init) ?? ""
            if Self.folders.contains(name) { found.insert(String(directory.dropLast(name.count + 1))) }
        }
        return found.sorted()
    }

    func results() -> [CheckResult] {
        let boxes = mailboxes
        guard !boxes.isEmpty else {
            return [
                CheckResult(preset.checkID("folders"), status: .fail, message: "no Maildir (cur/new/tmp) under \(root)")
            ]
        }
        var missing: [Offender] = []
        var bad: [Offender] = []
        var counts: [String] = []
        for box in boxes {
            for folder in Self.folders where !context.isDirectory("\(box)/\(folder)") {
                missing.append(Offender("\(box)/\(folder)", "missing: a Maildir needs cur, new and tmp"))
            }
            var perFolder: [String: Int] = [:]
            for folder in ["cur", "new"] {
                for message in context.files(under: "\(box)/\(folder)") {
                    perFolder[folder, default: 0] += 1
                    if let problem = problem(message.productionPath) {
                        bad.append(Offender(message.productionPath, problem))
                    }
                }
            }
            let shortName = box.hasPrefix(root + "/") ? String(box.dropFirst(root.count + 1)) : box
            counts.append("\(shortName): \(perFolder["cur", default: 0]) cur, \(perFolder["new", default: 0]) new")
        }
        let folders = CheckResult.judge(
            preset.checkID("folders"), offenders: missing,
            pass: "\(plural(boxes.count, "mailbox")) with cur, new and tmp",
            fail: { "\(plural($0, "Maildir folder")) missing" })
        let messages = CheckResult.judge(
            preset.checkID("messages"), offenders: bad,
            pass: counts.joined(separator: "; "),
            fail: { "\(plural($0, "message")) do not parse as mail (\(counts.joined(separator: "; ")))" })
        return [folders, messages]
    }

    /// The message's start, read until its header ends (a blank line) or 1 MiB: the body is
    /// never read.
    private func header(_ path: String) -> [UInt8]? {
        var head: [UInt8] = []
        let readable = context.reader.stream(path) { chunk in
            head += chunk
            return head.count < 1 << 20 && !Self.hasBlankLine(head)
        }
        return readable ? head : nil
    }

    private static func hasBlankLine(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0x0A // a message that starts blank has no headers
        for byte in bytes where byte != 0x0D {
            if byte == 0x0A && previous == 0x0A { return true }
            previous = byte
        }
        return false
    }

    /// Why a message is not mail, or nil: header lines (`Name: value`, continuations) then a blank line.
    private func problem(_ path: String) -> String? {
        guard let head = header(path) else { return "cannot be read" }
        if head.isEmpty { return "empty" }
        var headers = 0
        var lineStart = 0
        for index in 0...head.count {
            guard index == head.count || head[index] == 0x0A else { continue }
            var line = head[lineStart..<index]
            if line.last == 0x0D { line = line.dropLast() }
            lineStart = index + 1
            if line.isEmpty { return headers > 0 ? nil : "starts with a blank line, no headers" }
            if line.first == 0x20 || line.first == 0x09 {
                if headers == 0 { return "starts with a continuation line" }
                continue
            }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
            else {
                return "line \(headers + 1) is not a header (Name: value)"
            }
            headers += 1
        }
        return "no blank line after the headers"
    }
}
