/* Turns off SQLite's memory statistics, which take a global mutex on every allocation:
   the build's connections run on several threads at once. sqlite3_config is variadic, so
   Swift cannot call it. Must run before the library is initialized; returns its status. */
static inline int almanac_sqlite_without_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
