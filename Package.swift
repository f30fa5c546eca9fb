// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "almanac",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "almanac", targets: ["almanac"]),
        .library(name: "AlmanacCore", targets: ["AlmanacCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // `almanac serve`: a small HTTP server with no SwiftNIO (see docs/architecture.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // SHA-256 from OpenSSL's libcrypto (no package to build; see Support/SHA256.swift).
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Small C helpers that Swift cannot reach directly (a syscall behind _GNU_SOURCE).
        .systemLibrary(name: "CShims"),
        .target(
            name: "AlmanacCore",
            dependencies: [
                "CSQLite",
                "CLibPQ",
                "CCrypto",
                "CShims",
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            // The default templates live in the top-level templates/ folder, where people
            // look for them, and are compiled into the binary so it needs no resource files.
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        .executableTarget(
            name: "almanac",
            dependencies: [
                "AlmanacCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AlmanacCoreTests",
            dependencies: ["AlmanacCore"],
            // The golden files are read through #filePath, not as bundle resources.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
