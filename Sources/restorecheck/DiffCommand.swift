import ArgumentParser
import Foundation
import RestoreCheck

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a backup with the live tree it came from (before a migration).",
        discussion: """
            Restores the archive into a sandbox, as verify does, and compares it with the live tree: \
            paths only in the backup, only live, with other content, or another type, mode, owner or \
            link target. Exit 1 when they differ. Files that change on the live side while they are \
            compared (a log being written) are reported apart, as a warning.

            Examples:
              restorecheck diff /srv/backups/shop-2026-11-26.tar.zst --live /
              restorecheck diff --latest /srv/backups/shop --live /var/www --prefix /var/www --ignore \
              'var/www/html/wp-content/cache/**'
              restorecheck diff --plan plan.yml --live /     # the plan's source, layout and ignore: list
            """
    )

    @Argument(help: "The archive to compare (or give --latest DIR, or a plan's source with --plan).")
    var archive: String?

    @Option(name: .long, help: ArgumentHelp("Compare the newest archive in this directory.", valueName: "dir"))
    var latest: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The live tree to compare with (the production root, or the sub-tree named by --prefix).", valueName: "root"
        ))
    var live: String

    @Option(
        name: .long, help: ArgumentHelp("The production path the live root stands for (default /).", valueName: "path"))
    var prefix: String?

    @Option(
        name: .long, parsing: .singleValue,
        help: ArgumentHelp("Leave out paths matching this glob (repeatable): caches, logs.", valueName: "glob"))
    var ignore: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("A plan whose set gives the source, layout and ignore: list.", valueName: "file"))
    var plan: String?

    @Option(name: .customLong("set"), help: "The plan's set to use.")
    var setName: String?

    @OptionGroup var output: RunOutputOptions

    func validate() throws {
        if archive != nil && latest != nil { throw ValidationError("give an archive or --latest DIR, not both") }
        if archive == nil && latest == nil && plan == nil {
            throw ValidationError("give an archive, --latest DIR or --plan FILE (see --help)")
        }
        var info = stat()
        guard stat(live, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw ValidationError("--live \(live) is not a directory")
        }
        if let prefix, !prefix.hasPrefix("/") { throw ValidationError("--prefix must be an absolute production path") }
    }

    func run() throws {
        Interruption.install()
        var request = DiffRequest(live: live)
        request.planPath = plan
        request.setName = setName
        request.archive = archive
        request.latest = latest
        request.prefix = prefix
        request.ignore = ignore
        let environment = output.environment
        do { request.output = try output.request() } catch { throw ValidationError("\(error)") }
        try finish(DiffRun(request: request, environment: environment).run())
    }
}
