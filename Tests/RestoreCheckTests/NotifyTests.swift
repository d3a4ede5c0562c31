import Foundation
import Testing

/// A nightly job's monitor hears from every run: a local HTTP server (python3) records what
/// restorecheck sends — start and success for a pass, start and fail with the summary for a
/// fail, the webhook's JSON — and a monitor that does not answer only warns.
@Suite(.serialized) struct NotifyTests {
    /// Starts a server that appends `METHOD PATH BODY` lines to `log` and answers 200; returns
    /// it and its port.
    private func server(logging log: String, in work: String) throws -> (Process, Int) {
        let script = [
            "import http.server, sys",
            "log = sys.argv[1]",
            "class H(http.server.BaseHTTPRequestHandler):",
            "    def one(self, method):",
            "        n = int(self.headers.get('Content-Length') or 0)",
            "        body = self.rfile.read(n).decode('utf-8', 'replace').replace(chr(10), ' | ')",
            "        with open(log, 'a') as f: f.write(method + ' ' + self.path + ' ' + body + chr(10))",
            "        self.send_response(200); self.end_headers()",
            "    def do_GET(self): self.one('GET')",
            "    def do_POST(self): self.one('POST')",
            "    def log_message(self, *a): pass",
            "s = http.server.HTTPServer(('127.0.0.1', 0), H)",
            "print(s.server_address[1], flush=True)",
            "s.serve_forever()",
        ].joined(separator: "\n")
        try script.write(toFile: work + "/server.py", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [work + "/server.py", log]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        guard let port else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile)
        }
        return (process, port)
    }

    @Test func aPassAndAFailAreEachHeard() throws {
        let work = TestEnvironment.scratch("notify")
        defer { TestEnvironment.remove(work) }
        let log = work + "/received"
        let (http, port) = try server(logging: log, in: work)
        defer {
            // SIGKILL: an ignored SIGTERM (inherited dispositions) must not hang the suite.
            kill(http.processIdentifier, SIGKILL)
            http.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        let pass = TestEnvironment.verify(
            [
                TestEnvironment.demoPlan, "--now", TestEnvironment.demoNow, "--notify", "healthchecks=\(base)/hc",
                "--notify", "webhook=\(base)/hook",
            ], reports: work + "/r")
        #expect(pass.code == 0, "\(pass.all)")
        let fail = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", "2026-12-20T06:00:00Z", "--notify", "healthchecks=\(base)/hc"],
            reports: work + "/r")
        #expect(fail.code == 1, "\(fail.all)")
        let received = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(received.count == 5, "\(received)")
        #expect(received[0] == "GET /hc/start ", "\(received)")
        #expect(received[1].hasPrefix("POST /hc verdict: PASS") || received[1].contains("POST /hc set demo"))
        #expect(received[2].hasPrefix("POST /hook {") && received[2].contains("\"verdict\":\"pass\""))
        #expect(received[3] == "GET /hc/start ")
        #expect(received[4].hasPrefix("POST /hc/fail") && received[4].contains("verdict: FAIL"), "\(received)")
    }

    @Test func aMonitorThatDoesNotAnswerOnlyWarns() throws {
        let work = TestEnvironment.scratch("notify-down")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.verify(
            [TestEnvironment.demoPlan, "--now", TestEnvironment.demoNow, "--notify", "ntfy=http://127.0.0.1:9/topic"],
            reports: work + "/r")
        #expect(result.code == 0, "\(result.all)")
        #expect(result.err.contains("warning: the ntfy notification"), "\(result.err)")
    }
}
