import Foundation

/// Pushes a run's metrics to a Prometheus Pushgateway: a pod of a fleet run lives minutes, too
/// short to be scraped, so it hands its metrics to the gateway, which keeps them for the next
/// scrape. One group per set (`/metrics/job/restorecheck/set/<name>`, replaced with PUT), so
/// shards of one run never overwrite each other's sets and a set's series are its last run's.
struct Pushgateway {
    let url: String
    var timeout: TimeInterval = 10

    /// The warnings of pushes that failed (after one retry); a push never changes the verdict.
    func push(_ report: RunReport, at time: Date) -> [String] {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        var warnings: [String] = []
        for set in report.sets {
            var single = report
            single.sets = [set]
            let body = MetricsWriter(path: "").render(single, at: time)
            let name = set.name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? set.name
            let request = HTTPRequest(
                url: "\(base)/metrics/job/restorecheck/set/\(name)", method: "PUT", body: Data(body.utf8),
                headers: ["Content-Type": "text/plain; version=0.0.4"], timeout: timeout)
            if request.send() != nil, let problem = request.send() {
                warnings.append("the metrics of set \(set.name) could not be pushed to \(request.url): \(problem)")
            }
        }
        return warnings
    }
}

extension RunOutputs {
    /// Pushes the metrics; a failure is a warning on standard error and in the report.
    func push(_ report: inout RunReport, to gateway: String) {
        let warnings = Pushgateway(url: gateway).push(report, at: environment.clock.now())
        for warning in warnings { environment.output.warn("restorecheck: warning: \(warning)") }
        report.warnings += warnings
    }
}
