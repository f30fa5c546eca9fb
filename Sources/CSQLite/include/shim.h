/* The header of the SQLite compiled into Almanac (Sources/CSQLite/sqlite3.c), not the system's. */
#include "../../../vendor/sqlite/sqlite3.h"
#include "memory_statistics.h"
