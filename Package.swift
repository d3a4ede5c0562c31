// swift-tools-version:6.0
import PackageDescription

/// Our own targets build with warnings as errors (dependencies keep their own settings).
let warningsAreErrors: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "restorecheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "restorecheck", targets: ["restorecheck"]),
        .library(name: "RestoreCheck", targets: ["RestoreCheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // libarchive, through Debian's libarchive-dev (pkg-config name "libarchive").
        .systemLibrary(
            name: "CRCArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // sqlite3's C API, through Debian's libsqlite3-dev.
        .systemLibrary(
            name: "CRCSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // zlib, to check gzip CRCs that libarchive does not (Debian zlib1g-dev).
        .systemLibrary(
            name: "CRCZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Linux calls Glibc does not wrap (openat2) or Swift cannot call (variadic syscall).
        .target(name: "CRCSystem"),
        .target(
            name: "RestoreCheck",
            dependencies: [
                "CRCArchive", "CRCSQLite", "CRCSystem", "CRCZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: warningsAreErrors
        ),
        .executableTarget(
            name: "restorecheck",
            dependencies: [
                "RestoreCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: warningsAreErrors
        ),
        .testTarget(
            name: "RestoreCheckTests",
            dependencies: ["RestoreCheck", "CRCArchive", "restorecheck"],
            swiftSettings: warningsAreErrors
        ),
    ],
    swiftLanguageModes: [.v6]
)
