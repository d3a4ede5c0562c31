import Foundation
import Testing

/// `deploy/schema/report.schema.json`, applied by python3-jsonschema (Draft 2020-12, formats
/// checked): every verify run of the end-to-end tests has its latest reports validated, so a
/// field added to the model without the schema fails a test.
enum ReportSchema {
    static let path = TestEnvironment.packageRoot.appendingPathComponent("deploy/schema/report.schema.json").path

    private static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        cls = jsonschema.Draft202012Validator
        cls.check_schema(schema)
        validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
        bad = 0
        for name in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(name))):
                bad += 1
                where = '/'.join(str(p) for p in error.absolute_path)
                print(f"{name}: at /{where}: {error.message[:300]}")
        sys.exit(1 if bad else 0)
        """

    /// The problems found in `files` (empty: all valid).
    static func problems(in files: [String]) -> String? {
        guard !files.isEmpty else { return nil }
        let result = TestEnvironment.run("/usr/bin/python3", ["-c", validator, path] + files)
        return result.code == 0 ? nil : result.all
    }

    /// Validates the latest run's reports under a report directory: the run's own and each
    /// set's. A directory with no run yet (a usage error, a bad plan) has nothing to check.
    static func checkLatest(in reports: String) {
        let manager = FileManager.default
        var files: [String] = []
        for name in (try? manager.contentsOfDirectory(atPath: reports)) ?? [] {
            let file = "\(reports)/\(name)/latest/report.json"
            if manager.fileExists(atPath: file) { files.append(file) }
        }
        if let problems = problems(in: files.sorted()) {
            Issue.record("report.json does not match deploy/schema/report.schema.json:\n\(problems)")
        }
    }
}
