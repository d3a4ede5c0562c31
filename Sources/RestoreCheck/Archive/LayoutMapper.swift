/// Maps archive names to production paths (`layout.prefix`, `layout.strip_components`).
public struct LayoutMapper: Sendable {
    public let layout: Layout
    private let prefixComponents: [[UInt8]]

    public init(_ layout: Layout) {
        self.layout = layout
        prefixComponents = layout.prefix.utf8.split(separator: UInt8(ascii: "/")).map(Array.init)
    }

    /// Production components of a safe archive name, or nil when stripping leaves nothing.
    public func productionComponents(of safeComponents: [[UInt8]]) -> [[UInt8]]? {
        guard safeComponents.count > layout.stripComponents else { return nil }
        return prefixComponents + safeComponents.dropFirst(layout.stripComponents)
    }

    public static func path(_ components: [[UInt8]]) -> String {
        "/" + components.map(EntryName.key).joined(separator: "/")
    }
}
