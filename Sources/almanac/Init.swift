import AlmanacCore
import ArgumentParser
import Foundation

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new report project: questions, templates and the weekly workflow.",
        usage: "almanac init <folder> [--demo]",
        discussion: """
            Writes questions.yaml, templates/ (which build and serve use instead of the \
            built-in templates), a .gitignore, a Makefile and a README. With --demo it also \
            writes demo data to \(ProjectScaffold.databasePath), where questions.yaml looks \
            for the database, so that `almanac build` works at once.

            Examples:
              almanac init my-report --demo    # then: cd my-report && almanac build
              almanac init weekly-report       # then point database: at your export
            """)

    @Argument(help: "The folder to create (it may exist, but must not hold these files).")
    var folder: String

    @Flag(
        help:
            "Also write demo data (5,000 registered users) to \(ProjectScaffold.databasePath), where questions.yaml looks for it."
    )
    var demo = false

    func validate() throws {
        // `almanac init ""` wrote the project into the current folder and said "cd ".
        if folder.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the folder to create is empty; name it: almanac init my-report")
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: folder)
        do {
            // The demo data's place is checked with the other files, before any is written:
            // a blind test's existing data/demo.db left a half-made project behind.
            let database = root.appending(path: ProjectScaffold.databasePath)
            if demo, FileManager.default.fileExists(atPath: database.path) {
                throw fail(
                    "\(database.path): already exists; nothing was written. Remove it, or run init without --demo and point database: at it"
                )
            }
            let created = try ProjectScaffold(files: DiskFileSystem()).create(in: root)
            print("Created \(created.count) files in \(folder):")
            for path in created { print("  \(path)") }
            if demo {
                let database = root.appending(path: ProjectScaffold.databasePath)
                try FileManager.default.createDirectory(
                    at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
                let summary = try DemoSeeder(options: SeedOptions()).write(
                    to: database.path, replace: false)
                // Not one of the files counted above: its own line, after the list.
                print(
                    "Wrote demo data to \(ProjectScaffold.databasePath): \(NumberText.count(summary.users)) registered users and \(NumberText.count(summary.enrollments)) enrollments."
                )
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(String(describing: error))
        }
        print(Self.nextSteps(folder: folder, demo: demo))
    }

    /// The command that opens a file in the desktop's browser (on Debian, `open` is openvt).
    #if os(macOS)
        static let openCommand = "open"
    #else
        static let openCommand = "xdg-open"
    #endif

    /// What to type next, each line working as printed.
    static func nextSteps(folder: String, demo: Bool) -> String {
        var steps = [("cd \(folder.contains(" ") ? "'\(folder)'" : folder)", "")]
        if !demo {
            steps.append(
                (
                    "almanac seed",
                    "demo data in \(ProjectScaffold.databasePath); or set `database:` in questions.yaml to your export (`almanac schema` prints the tables)"
                ))
        }
        steps += [
            ("almanac build", "or `make`: writes site/"),
            ("\(openCommand) site/index.html", "opens the report in a browser"),
        ]
        let width = steps.map(\.0.count).max() ?? 0
        let lines = steps.map { command, note in
            note.isEmpty
                ? "  " + command
                : "  " + command.padding(toLength: width, withPad: " ", startingAt: 0) + "  # "
                    + note
        }
        return (["", "Next:"] + lines).joined(separator: "\n")
    }
}
