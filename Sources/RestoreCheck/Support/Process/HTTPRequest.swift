import Foundation

/// One HTTP request sent with curl(1): the static binary carries no HTTP or TLS stack of its
/// own (Foundation's URLSession would tie it to libcurl's shared library), and curl is on
/// nearly every backup host, honours the proxy variables and speaks https.
struct HTTPRequest {
    var url: String
    var method = "GET"
    var body: Data?
    var headers: [String: String] = [:]
    /// Seconds for the whole request, connection included.
    var timeout: TimeInterval = 10

    /// nil when the server answered 2xx; otherwise what went wrong, for a warning.
    func send() -> String? {
        guard let curl = ToolLocator.find("curl") else {
            return "curl is not installed (apt-get install curl): notifications are sent with it"
        }
        var arguments = [
            "--silent", "--show-error", "--stderr", "-", "--output", "/dev/null", "--write-out", "\n%{http_code}",
            "--max-time", String(Int(timeout.rounded(.up))), "--request", method, "--proto", "=http,https",
        ]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["--header", "\(name): \(value)"] }
        if body != nil { arguments += ["--data-binary", "@-"] }
        arguments += ["--", url]
        let result: (status: Int32, output: [UInt8], errors: String)
        do {
            result = try ChildProcess.run(
                curl, arguments, stderrPath: "/dev/null", input: body.map { [UInt8]($0) })
        } catch {
            return "curl could not be started: \(error)"
        }
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        let code = Int(lines.last ?? "") ?? 0
        if (200..<300).contains(code) { return nil }
        let message = lines.dropLast().joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if code > 0 { return "HTTP \(code)" }
        return message.isEmpty ? "no answer (curl exit \(result.status))" : message
    }
}
