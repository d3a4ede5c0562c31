import Foundation

/// Tells a monitor what a nightly run found, so a run that never happened is noticed too:
/// a healthchecks.io-style ping at the start and at the end (`/fail` with the summary when it
/// did not pass), a webhook (POST of a JSON summary) or an ntfy topic (the summary as a
/// message). A notification never changes the verdict: one that fails after a retry is a
/// warning on standard error and in the run's report.
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
    /// Returns the warnings of notifications that failed.
    public func started() -> [String] {
        targets.filter { $0.kind == .healthchecks }.compactMap { send($0, suffix: "/start", body: nil) }
    }

    /// A run that stopped before its reports (an unreadable report directory, a signal).
    public func stopped(_ error: Error) {
        let message = "restorecheck could not finish: \(error)"
        for target in targets {
            switch target.kind {
            case .healthchecks: _ = send(target, suffix: "/fail", body: Data(message.utf8))
            case .ntfy:
                _ = send(
                    target, suffix: "", body: Data(message.utf8), headers: ["Title": "restorecheck: could not finish"])
            case .webhook:
                let payload = ["tool": "restorecheck", "verdict": "error", "summary": message]
                let body = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
                _ = send(target, suffix: "", body: body, headers: ["Content-Type": "application/json"])
            }
        }
    }

    /// The run's verdict and summary; returns the warnings of notifications that failed.
    public func finished(_ report: RunReport, summary: String) -> [String] {
        let passed = report.verdict == .pass
        return targets.compactMap { target in
            switch target.kind {
            case .healthchecks:
                return send(target, suffix: passed ? "" : "/fail", body: Data(summary.utf8))
            case .ntfy:
                return send(
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
                return send(target, suffix: "", body: body, headers: ["Content-Type": "application/json"])
            }
        }
    }

    /// One request, retried once; a failure is a warning (returned, for the report), never a
    /// change of verdict.
    private func send(_ target: Target, suffix: String, body: Data?, headers: [String: String] = [:]) -> String? {
        let request = HTTPRequest(
            url: target.url + suffix, method: body == nil ? "GET" : "POST", body: body, headers: headers,
            timeout: timeout)
        var problem = ""
        for _ in 0..<2 {
            guard let failure = request.send() else { return nil }
            problem = failure
        }
        let warning = "the \(target.kind.rawValue) notification to \(request.url) failed: \(problem)"
        output.warn("restorecheck: warning: " + warning)
        return warning
    }
}
