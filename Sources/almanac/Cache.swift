import AlmanacCore
import ArgumentParser
import Foundation

struct Cache: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Look after the language model's answer cache.",
        subcommands: [Stats.self, Prune.self])

    struct Location: ParsableArguments {
        @Option(help: "The answer cache folder (default: answers/ beside the questions file).")
        var cache: String?

        @Option(help: "The questions file the cache sits beside.")
        var questions = "questions.yaml"

        var folder: URL {
            cache.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: questions).deletingLastPathComponent().appending(
                    path: "answers")
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the cached answers, their bytes, and how many the last build used.")

        @OptionGroup var location: Location

        func run() async throws {
            guard FileManager.default.fileExists(atPath: location.folder.path) else {
                throw fail(
                    "there is no answer cache at \(location.folder.path); a build with a language model creates it"
                )
            }
            let stats: AnswerCache.Statistics
            do {
                stats = try AnswerCache(folder: location.folder, files: DiskFileSystem())
                    .statistics()
            } catch {
                throw fail(String(describing: error))
            }
            print(
                "\(location.folder.path): \(NumberText.count(stats.entries)) answers, \(NumberText.count(stats.bytes)) bytes; the last build used \(NumberText.count(stats.usedByLastBuild))."
            )
        }
    }

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the cached answers that the last build did not use.")

        @OptionGroup var location: Location

        func run() async throws {
            let cache = AnswerCache(folder: location.folder, files: DiskFileSystem())
            guard cache.files.exists(cache.lastBuild) else {
                throw fail(
                    "\(location.folder.path) has no record of a build that used the cache; run `almanac build` with a model first, so prune knows what to keep"
                )
            }
            do {
                let deleted = try cache.prune()
                print(
                    "Deleted \(NumberText.count(deleted)) unused answer\(deleted == 1 ? "" : "s") from \(location.folder.path)."
                )
            } catch {
                throw fail(String(describing: error))
            }
        }
    }
}
