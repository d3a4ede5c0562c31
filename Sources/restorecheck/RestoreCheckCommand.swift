import ArgumentParser
import RestoreCheck

@main
struct RestoreCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restorecheck",
        abstract: "Prove that a backup restores: unpack it into a throwaway sandbox and verify what comes out.",
        discussion: """
            A backup nobody has restored is a hope, not a backup. `restorecheck verify` restores an archive \
            with libarchive into a private sandbox that mirrors the production layout, checks checksums, \
            permissions, owners, links, expected files and database dumps, and writes JUnit XML, HTML and JSON \
            reports with an exit code a pipeline can trust.

            Exit codes: 0 verified, 1 the backup failed verification, 2 could not verify (I/O, missing tool), \
            64 usage error, 78 bad plan file, 130 interrupted.
            """,
        version: RestoreCheckVersion.string,
        subcommands: [
            VerifyCommand.self, DiffCommand.self, BaselineCommand.self, HistoryCommand.self, ValidateCommand.self,
            MergeCommand.self,
        ],
        defaultSubcommand: VerifyCommand.self
    )
}
