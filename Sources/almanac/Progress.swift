import AlmanacCore
import Foundation

/// Shows a build's progress on standard error: a line per question, a bar that redraws in
/// place when standard error is a terminal, and nothing but errors under `--quiet`.
final class ProgressReporter: @unchecked Sendable {
    // @unchecked: every access to the mutable state goes through `lock`.
    private let lock = NSLock()
    private let quiet: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var total = 0
    private var done = 0
    private var barShown = false

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func handle(_ event: BuildEvent) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        clearBar()
        switch event {
        case .started(let questions):
            total = questions
        case .question(let id, let kind, let rows, let milliseconds, let narration):
            done += 1
            let rowText = rows == 1 ? "1 row" : "\(NumberText.count(rows)) rows"
            Terminal.error(
                "✔ \(id.padded(to: 34)) \(kind.padded(to: 20)) \(rowText.leftPadded(10)) "
                    + "\("\(milliseconds) ms".leftPadded(8))  narration: \(narration)")
        case .unchanged:
            Terminal.error("  no input changed since the last build; the site stands as it is")
        case .queried(let statements, let rows, let milliseconds):
            Terminal.error(
                "  ran \(NumberText.count(statements)) statement\(statements == 1 ? "" : "s") in the database, "
                    + "which returned \(NumberText.count(rows)) aggregated row\(rows == 1 ? "" : "s"): "
                    + "\(milliseconds) ms")
        case .warning(let message):
            Terminal.error("⚠ warning: " + message)
        case .alert(let message):
            Terminal.error("🔔 alert: " + message)
        }
        drawBar()
    }

    /// Removes the bar before the summary line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        clearBar()
    }

    private func drawBar() {
        guard isTerminal, total > 0, done < total else { return }
        let width = 30
        let filled = width * done / total
        let bar =
            String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) questions".utf8))
        barShown = true
    }

    private func clearBar() {
        guard barShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        barShown = false
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
