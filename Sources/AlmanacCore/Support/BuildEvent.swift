/// A line of progress for the CLI to show; the core never prints.
public enum BuildEvent: Sendable, Equatable {
    /// The questions are loaded and routing starts.
    case started(questions: Int)
    /// No input changed since the last build; nothing was read or written.
    case unchanged
    /// The analyses ran `statements` in the database, which returned `rows` aggregated rows.
    case queried(statements: Int, rows: Int, milliseconds: Int)
    /// One question finished: id, the kind of analysis (`badge_enrollments`), rows,
    /// milliseconds, where the narration came from.
    case question(id: String, kind: String, rows: Int, milliseconds: Int, narration: String)
    case warning(String)
    /// An alert of questions.yaml was triggered.
    case alert(String)
}
