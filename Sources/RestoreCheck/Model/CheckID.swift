/// Which check a result is: its phase and the parts its stable name is made of. The name is
/// rendered here and nowhere else, and code that needs to know what a check was about reads
/// these fields, never the rendered text.
///
/// `expect /etc/shadow mode` is `check: "expect", subject: "/etc/shadow", aspect: "mode"`;
/// `import /var/backups/db/shop.sql` is `check: "import", subject: "/var/backups/db/shop.sql"`;
/// `retention shrink` is `check: "retention", aspect: "shrink"`.
public struct CheckID: Hashable, Codable, Sendable {
    public var phase: Phase
    /// What kind of check it is: `import`, `expect`, `latest`, a preset's label.
    public var check: String
    /// What it judges, when it is one thing of many: a dump, a path, a glob.
    public var subject: String?
    /// Which property of the subject, when a check has several.
    public var aspect: String?
    /// A name the plan gave the check (`assert` rules), set off by a colon since it may hold spaces.
    public var label: String?

    public init(_ phase: Phase, _ check: String, subject: String? = nil, aspect: String? = nil, label: String? = nil) {
        self.phase = phase
        self.check = check
        self.subject = subject
        self.aspect = aspect
        self.label = label
    }

    /// The name reports show and CI tracks: stable across runs, never failure text.
    public var name: String {
        let words = [check, subject, aspect].compactMap { $0 }.joined(separator: " ")
        return label.map { "\(words): \($0)" } ?? words
    }
}
