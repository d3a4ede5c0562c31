import Foundation
import Testing

/// Pods of a fleet run live minutes, too short to be scraped: each pushes its sets' metrics to
/// a real Prometheus Pushgateway (Debian's), which must then hold every set's series.
@Suite(.serialized) struct PushgatewayTests {
    /// Starts a gateway on a free port of 127.0.0.1 and waits until it is ready.
    private func gateway(in work: String) throws -> (Process, String) {
        let port = TestEnvironment.shell(
            "python3 -c 'import socket; s=socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])'")
        let address = "127.0.0.1:" + port.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prometheus-pushgateway")
        process.arguments = ["--web.listen-address=\(address)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ready = TestEnvironment.shell(
            "for i in $(seq 100); do curl -sf http://\(address)/-/ready >/dev/null && exit 0; sleep 0.05; done; exit 1")
        try #require(ready.code == 0, "the Pushgateway did not start")
        return (process, "http://\(address)")
    }

    @Test func eachShardsSetsAreHeldByTheGateway() throws {
        let work = TestEnvironment.scratch("pushgateway")
        defer { TestEnvironment.remove(work) }
        let (process, url) = try gateway(in: work)
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let sets = ["shop", "blog", "mail"]
        let plan = sets.map { "  - name: \($0)\n    source: { archive: \(TestEnvironment.demoArchive) }" }
        try ("sets:\n" + plan.joined(separator: "\n") + "\n").write(
            toFile: work + "/plan.yml", atomically: true, encoding: .utf8)
        for index in 0..<2 {
            let shard = TestEnvironment.verify(
                [work + "/plan.yml", "--shard", "\(index)/2", "--pushgateway", url, "-q"], reports: work + "/r")
            #expect(shard.code == 0 && shard.all.isEmpty, "\(shard.all)")
        }
        let metrics = TestEnvironment.shell("curl -sf \(url)/metrics")
        try #require(metrics.code == 0)
        for set in sets {
            #expect(
                metrics.out.contains(
                    "restorecheck_verdict{instance=\"\",job=\"restorecheck\",set=\"\(set)\",verdict=\"pass\"} 1"),
                "\(set) in \(metrics.out.split(separator: "\n").filter { $0.contains("restorecheck_verdict") })")
            #expect(
                metrics.out.contains(
                    "restorecheck_rows_imported{instance=\"\",job=\"restorecheck\",set=\"\(set)\"} 202"))
        }
    }

    @Test func anUnreachableGatewayIsAWarningInTheReport() throws {
        let work = TestEnvironment.scratch("pushgateway-down")
        defer { TestEnvironment.remove(work) }
        let result = TestEnvironment.verify(
            ["--archive", TestEnvironment.demoArchive, "--name", "web1", "--pushgateway", "http://127.0.0.1:9"],
            reports: work + "/r")
        #expect(result.code == 0 && result.err.contains("could not be pushed"), "\(result.all)")
        let report = try String(contentsOfFile: work + "/r/runs/latest/report.json", encoding: .utf8)
        #expect(report.contains("could not be pushed"))
    }
}
