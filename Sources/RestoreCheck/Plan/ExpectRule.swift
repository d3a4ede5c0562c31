/// One `expect:` rule: a production path (or glob) and what must hold of it. Every property
/// that is set becomes its own check in the reports (`expect /etc/x mode`), so a failure says
/// exactly which property broke.
public struct ExpectRule: Sendable {
    public enum Selector: Sendable, Equatable {
        case path(String)
        case glob(String)
    }

    public var selector: Selector
    public var type: EntryType?
    public var target: String?
    public var mode: UInt32?
    public var owner: String?
    public var group: String?
    public var uid: Int64?
    public var gid: Int64?
    public var minCount: Int?
    public var minSize: UInt64?
    public var contains: String?
    /// Line of the rule in the plan, for messages.
    public var line: Int?

    public init(selector: Selector) { self.selector = selector }

    public var subject: String {
        switch selector {
        case .path(let path): return path
        case .glob(let pattern): return pattern
        }
    }
}
