import Foundation

extension PostgresConnection {
    /// Functions a read-only transaction does not stop: large objects (a blind test made a
    /// 1 MB one with `lo_from_bytea` on every build, and copied a server file into the
    /// database with `lo_import`), the server's files, WAL messages, other sessions and
    /// remote databases.
    static let sideEffect = try! NSRegularExpression(
        pattern:
            #"\b((?:pg_catalog\.)?(?:lo_\w+|lowrite|loread|pg_file_\w+|pg_read_file|pg_read_binary_file|pg_ls_\w+|pg_stat_file|pg_logical_emit_message|pg_switch_wal|pg_create_restore_point|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|pg_promote|dblink\w*))\s*\("#,
        options: [.caseInsensitive])
}
