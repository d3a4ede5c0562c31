import ArgumentParser
import Foundation
import RestoreCheck

/// `restorecheck validate PLAN`: the plan read as `verify` reads it, nothing restored, so a CI
/// job or a configuration manager can check a plan before the night it runs.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plan without running it: exit 0 when it is valid, 78 naming the file and line when not.",
        discussion: """
            Examples:
              restorecheck validate /etc/restorecheck/plan.yml
              ansible-template plan.yml.j2 | restorecheck validate -
            """
    )

    @Argument(help: "The plan file (YAML), or - for standard input.")
    var plan: String

    func run() throws {
        let output = TerminalOutput(showsProgress: false)
        do {
            let loaded = try PlanLoader().load(path: plan)
            let names = loaded.sets.map(\.name).joined(separator: ", ")
            output.say("\(plan == "-" ? "<stdin>" : plan): valid: \(loaded.sets.count) set(s): \(names)")
        } catch {
            output.warn("restorecheck: \(error)")
            try finish((error as? RestoreCheckError)?.exitCode ?? 78)
        }
    }
}
