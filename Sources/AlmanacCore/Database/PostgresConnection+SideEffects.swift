import Foundation

extension PostgresConnection {
    /// Functions a read-only transaction does not stop: large objects (a blind test made a
    /// 1 MB one with `lo_from_bytea` on every build, and copied a server file into the
    /// database with `lo_import`), the server's files, WAL messages, other sessions and
    /// remote databases, notifications, advisory locks and settings (`set_config` lasted past
    /// the question: the build's own statements then ran under its `statement_timeout`). The
    /// names are also looked for in the server's own plan (`EXPLAIN VERBOSE`), which spells a
    /// call however the statement wrote it: `"lo_from_bytea"(…)`, `lo_from_bytea/**/(…)` and
    /// `U&"…"` passed a blind test's reading of the text alone.
    static let sideEffect = try! NSRegularExpression(
        pattern:
            #"\b((?:pg_catalog\.)?(?:lo_\w+|lowrite|loread|pg_file_\w+|pg_read_file|pg_read_binary_file|pg_ls_\w+|pg_stat_file|pg_logical_emit_message|pg_switch_wal|pg_create_restore_point|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|pg_promote|dblink\w*|pg_notify|pg_advisory\w*|pg_try_advisory\w*|set_config|pg_stat_reset\w*|pg_\w*replication_slot\w*|pg_replication_origin\w*|pg_log_backend_memory_contexts|pg_import_system_collations|pg_backup_\w*|pg_start_backup|pg_stop_backup|pg_wal_replay_\w*))\s*\("#,
        options: [.caseInsensitive])

    /// Why `text` (a statement, or its plan) may not run: the first call it makes of a
    /// function in `sideEffect`; nil when it makes none.
    static func sideEffectProblem(in text: String) -> String? {
        guard
            let call = sideEffect.firstMatch(
                in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(call.range(at: 1), in: text)
        else { return nil }
        return
            "the statement calls `\(text[range])`, which writes to the database or reaches the server's files even in a read-only transaction; only queries of the data are allowed"
    }
}
