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
        // SQLite's amalgamation, which `make setup` builds from Debian's sqlite3 source package
        // (the version of its libsqlite3) into vendor/sqlite/ (scripts/setup.sh), compiled into
        // the binary: its calls inside the library are direct and can be inlined, where
        // Debian's shared library calls itself through its procedure linkage table, and the
        // demo's statements take about a fifth less CPU (docs/performance.md). The options are
        // Debian's features that a query can reach; lookaside memory is on and secure delete
        // off (Debian's build has neither), and SQLite is optimized in debug builds too, which
        // the tests run.
        .target(
            name: "CSQLite",
            cSettings: [
                .define("SQLITE_THREADSAFE", to: "1"),
                .define("SQLITE_DEFAULT_MEMSTATUS", to: "0"),
                .define("SQLITE_TEMP_STORE", to: "1"),
                .define("SQLITE_USE_URI", to: "1"),
                .define("SQLITE_LIKE_DOESNT_MATCH_BLOBS"),
                .define("SQLITE_MAX_VARIABLE_NUMBER", to: "250000"),
                .define("SQLITE_MAX_SCHEMA_RETRY", to: "25"),
                .define("SQLITE_ENABLE_COLUMN_METADATA"),
                .define("SQLITE_ENABLE_DBSTAT_VTAB"),
                .define("SQLITE_ENABLE_FTS3"),
                .define("SQLITE_ENABLE_FTS3_PARENTHESIS"),
                .define("SQLITE_ENABLE_FTS4"),
                .define("SQLITE_ENABLE_FTS5"),
                .define("SQLITE_ENABLE_MATH_FUNCTIONS"),
                .define("SQLITE_ENABLE_RTREE"),
                .define("SQLITE_ENABLE_STMTVTAB"),
                .define("SQLITE_SOUNDEX"),
                .define("HAVE_USLEEP", to: "1"),
                .define("HAVE_LOCALTIME_R", to: "1"),
                .define("HAVE_GMTIME_R", to: "1"),
                .define("HAVE_ISNAN", to: "1"),
                .define("HAVE_FDATASYNC", to: "1", .when(platforms: [.linux])),
                .define("HAVE_STRCHRNUL", to: "1", .when(platforms: [.linux])),
                .unsafeFlags(["-O2", "-Wno-everything"]),
            ],
            linkerSettings: [.linkedLibrary("m"), .linkedLibrary("dl")]
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
