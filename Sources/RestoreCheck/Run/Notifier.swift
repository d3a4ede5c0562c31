import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Tells a monitor what a nightly run found, so a run that never happened is noticed too:
/// a healthchecks.io-style ping at the start and at the end (`/fail` with the summary when it
/// did not pass), a webhook (POST of a JSON summary) or an ntfy topic (the summary as a
/// message). A notification never changes the verdict: one that fails after a retry is a
/// warning on standard error.
public struct Notifier: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case healthchecks, webhook, ntfy
    }

    public struct Target: Sendable, Equatable {
        public var kind: Kind
        public var url: String
        public init(kind: Kind, url: String) {
            self.kind = kind
            self.url = url
        }

        /// `healthchecks=URL`, `webhook=URL` or `ntfy=URL`.
        public static func parse(_ text: String) -> Target? {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = Kind(rawValue: parts[0]), let url = URL(string: parts[1]),
                url.scheme == "http" || url.scheme == "https"
            else { return nil }
            return Target(kind: kind, url: parts[1])
        }
    }

    let targets: [Target]
    let output: OutputSink
    var timeout: TimeInterval = 10

    public init(targets: [Target], output: OutputSink) {
        self.targets = targets
        self.output = output
    }

    /// Before the first set: healthchecks measure the run's duration from here.
    public func started() {
        for target in targets where target.kind == .healthchecks { send(target, suffix: "/start", body: nil) }
    }

    /// A run that stopped before its reports (an unreadable report directory, a signal).
    public func stopped(_ error: Error) {
        let message = "restorecheck could not finish: \(error)"
        for target in targets {
            switch target.kind {
            case .healthchecks: send(target, suffix: "/fail", body: Data(message.utf8))
            case .ntfy:
                send(target, suffix: "", body: Data(message.utf8), headers: ["Title": "restorecheck: could not finish"])
            case .webhook:
                let payload = ["tool": "restorecheck", "verdict": "error", "summary": message]
                let body = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
                send(target, suffix: "", body: body, headers: ["Content-Type": "application/json"])
            }
        }
    }

    public func finished(_ report: RunReport, summary: String) {
        let passed = report.verdict == .pass
        for target in targets {
            switch target.kind {
            case .healthchecks:
                send(target, suffix: passed ? "" : "/fail", body: Data(summary.utf8))
            case .ntfy:
                send(
                    target, suffix: "", body: Data(summary.utf8),
                    headers: [
                        "Title": "restorecheck: \(report.verdict.headline)", "Priority": passed ? "default" : "high",
                    ])
            case .webhook:
                let sets = report.sets.map { ["name": $0.name, "verdict": $0.verdict.rawValue] }
                let payload: [String: Any] = [
                    "tool": "restorecheck", "host": report.host, "verdict": report.verdict.rawValue,
                    "exit_code": Int(report.exitCode), "sets": sets, "summary": summary,
                ]
                let body = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
                send(target, suffix: "", body: body, headers: ["Content-Type": "application/json"])
            }
        }
    }

    /// One request, retried once; a failure is a warning, never a change of verdict.
    private func send(_ target: Target, suffix: String, body: Data?, headers: [String: String] = [:]) {
        guard let url = URL(string: target.url + suffix) else { return }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = body == nil ? "GET" : "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        var problem = ""
        for _ in 0..<2 {
            let outcome = Self.perform(request)
            if let status = outcome.status, (200..<300).contains(status) { return }
            problem = outcome.status.map { "HTTP \($0)" } ?? outcome.error
        }
        output.warn(
            "restorecheck: warning: the \(target.kind.rawValue) notification to \(url.absoluteString) failed: "
                + problem)
    }

    private final class Outcome: @unchecked Sendable {
        var status: Int?
        var error = "no answer"
    }

    private static func perform(_ request: URLRequest) -> (status: Int?, error: String) {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, response, error in
            outcome.status = (response as? HTTPURLResponse)?.statusCode
            if let error { outcome.error = error.localizedDescription }
            done.signal()
        }.resume()
        done.wait()
        return (outcome.status, outcome.error)
    }
}
