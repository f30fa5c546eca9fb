import Foundation
import Testing

@testable import AlmanacCore

/// `serve` looks at its inputs 20 times a second; the answer cache, which can hold thousands
/// of answers, once in `InputWatcher.cacheEvery` looks (2,000 answers kept a third of a core
/// busy while serve sat idle).
@Suite struct InputWatcherTests {
    @Test("the answer cache is looked at once in cacheEvery looks, the questions at every look")
    func answerCacheLessOften() async throws {
        let project = try Project()
        try await project.build()
        let watcher = project.builder(project.options).inputWatcher()
        let before = watcher.stamps()
        try FileManager.default.createDirectory(
            at: project.answers, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: project.answers.appending(path: "new.json"))
        var same = 0
        while watcher.stamps() == before, same <= 2 * InputWatcher.cacheEvery { same += 1 }
        // The first look took the cache's lines; the next cacheEvery - 1 reuse them.
        #expect(same == InputWatcher.cacheEvery - 1)
        let seen = watcher.stamps()
        try Data((project.questions + "\n# edited\n").utf8).write(to: project.questionsFile)
        #expect(watcher.stamps() != seen)
    }
}
