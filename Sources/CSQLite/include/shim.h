/* The header of the SQLite compiled into Almanac (Sources/CSQLite/sqlite3.c), not the system's. */
#if __has_include("../../../vendor/sqlite/sqlite3.h")
#include "../../../vendor/sqlite/sqlite3.h"
#else
#error "vendor/sqlite/sqlite3.h is missing: run `make setup` (scripts/setup.sh) first"
#endif
#include "memory_statistics.h"
