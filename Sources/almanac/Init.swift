import AlmanacCore
import ArgumentParser
import Foundation

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new report project: questions, templates and the weekly workflow.")

    @Argument(help: "The folder to create (it may exist, but must not hold these files).")
    var folder: String

    func run() async throws {
        do {
            let created = try ProjectScaffold(files: DiskFileSystem()).create(
                in: URL(fileURLWithPath: folder))
            print("Created \(created.count) files in \(folder):")
            for path in created { print("  \(path)") }
            print("Next: cd \(folder), set `database:` in questions.yaml, then run `make`.")
        } catch {
            throw fail(String(describing: error))
        }
    }
}
