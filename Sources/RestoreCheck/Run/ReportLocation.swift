import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a run's reports go, never the current directory by accident (systemd starts jobs in
/// `/`, cron in `$HOME`): `--report-dir`, then `RESTORECHECK_REPORT_DIR`, then the plan's
/// `reports.dir` (relative to the plan file), then a state directory — `/var/lib/restorecheck`
/// as root, else `$XDG_STATE_HOME/restorecheck` (`~/.local/state/restorecheck`). Always made
/// absolute, so the final line names a path that works from anywhere.
public enum ReportLocation {
    public static func resolve(
        flag: String?, plan: String?, variables: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        let chosen =
            flag ?? variables["RESTORECHECK_REPORT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? plan
            ?? stateDirectory(variables)
        return URL(fileURLWithPath: chosen).standardized.path
    }

    static func stateDirectory(_ variables: [String: String]) -> String {
        if geteuid() == 0 { return "/var/lib/restorecheck" }
        if let state = variables["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/restorecheck" }
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/restorecheck"
    }
}
