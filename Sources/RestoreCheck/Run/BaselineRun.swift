import Foundation

/// `restorecheck baseline`: the plan (and, when asked, an mtree spec) written from a
/// known-good source, and a line per finding on standard error.
public struct BaselineRun {
    public let options: BaselineBuilder.Options
    /// Where the plan goes (`-`: standard output).
    public let planPath: String
    /// Where the mtree spec goes, when one is wanted.
    public let manifestPath: String?
    public let environment: RunEnvironment

    public init(options: BaselineBuilder.Options, planPath: String, manifestPath: String?, environment: RunEnvironment)
    {
        self.options = options
        self.planPath = planPath
        self.manifestPath = manifestPath
        self.environment = environment
    }

    public func run() -> Int32 {
        ProcessLocale.useUTF8()
        do {
            for path in [planPath, manifestPath].compactMap({ $0 }) where path != "-" && !options.force {
                if FileManager.default.fileExists(atPath: path) {
                    throw RestoreCheckError(
                        .usage, "already exists (a plan you may have edited); --force overwrites it", path: path)
                }
            }
            var options = options
            options.planPath = planPath
            options.manifestPath = manifestPath
            let result = try BaselineBuilder(options: options).build(manifest: manifestPath != nil)
            if let manifestPath, let spec = result.manifest { try write(spec, to: manifestPath) }
            if planPath == "-" { environment.output.say(result.plan) } else { try write(result.plan, to: planPath) }
            for line in result.summary { environment.output.warn("baseline: \(line)") }
            if planPath != "-" {
                environment.output.warn("baseline: wrote \(planPath)" + (manifestPath.map { " and \($0)" } ?? ""))
            }
            return 0
        } catch {
            return exitCode(reporting: error, to: environment.output)
        }
    }

    private func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw RestoreCheckError(.io, "cannot write: \(error.localizedDescription)", path: path)
        }
    }
}
