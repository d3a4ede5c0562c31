import ArgumentParser
import Foundation
import RestoreCheck

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write a plan from a live tree or a known-good archive.",
        discussion: """
            Reads SOURCE — the production root, a sub-tree (with --prefix), or an archive you trust — \
            and writes a plan that recognises what the server holds (WordPress, Maildirs, media, dumps, \
            config), keeps secrets at their exact mode and owner, allows counts and table rows to drop \
            by --fraction, and imports every dump to list its tables. Every rule is checked against \
            SOURCE before it is written, so the plan verifies its source with exit 0. What changes every \
            night (logs, caches, spools, sessions, pid and lock files, package state) is left out of the \
            rules and the spec and listed in the plan's `ignore:`, so the next night's backup verifies \
            too; secrets are found by name and by content (a password, key or token) and pinned at their \
            exact mode and owner; a directory of many links is one count rule. With --manifest the plan's \
            `manifest:` is the spec, so a changed config line fails by name.

            Examples:
              restorecheck baseline / --out plan.yml --backups /srv/backups/shop
              restorecheck baseline /srv/backups/shop/shop-2026-11-26.tar.zst --out plan.yml --manifest shop.mtree
              restorecheck baseline /var/www --prefix /var/www --out www.yml
            """
    )

    @Argument(help: "A live directory tree, or an archive.")
    var source: String

    @Option(name: .long, help: ArgumentHelp("Where to write the plan ('-' for standard output).", valueName: "file"))
    var out: String = "-"

    @Option(
        name: .long,
        help: ArgumentHelp("Also write an mtree spec of SOURCE (every file's digest and metadata).", valueName: "file"))
    var manifest: String?

    @Option(name: .long, help: ArgumentHelp("The production path SOURCE stands for (default /).", valueName: "path"))
    var prefix: String = "/"

    @Option(
        name: .long,
        help: ArgumentHelp("The directory of the set's archives, for the source block and schedule.", valueName: "dir"))
    var backups: String?

    @Option(name: .long, help: "Counts and rows must stay above this fraction of today's (default 0.8).")
    var fraction: Double = 0.8

    @Option(name: .long, help: "The set's name (default: from the source).")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Where the scratch sandbox is created.", valueName: "dir"))
    var scratch: String?

    @Flag(name: .long, help: "Overwrite an existing plan or spec.")
    var force = false

    func validate() throws {
        guard fraction > 0, fraction <= 1 else { throw ValidationError("--fraction must be above 0 and at most 1") }
        guard prefix.hasPrefix("/") else { throw ValidationError("--prefix must be an absolute production path") }
    }

    func run() throws {
        Interruption.install()
        var options = BaselineBuilder.Options(source: source)
        options.prefix = prefix
        options.backups = backups
        options.fraction = fraction
        options.scratch = scratch
        options.name = name
        options.force = force
        let environment = RunEnvironment(output: TerminalOutput(showsProgress: false))
        try finish(BaselineRun(options: options, planPath: out, manifestPath: manifest, environment: environment).run())
    }
}
