/* The system's SQLite, for a build without `make setup`'s amalgamation (see Package.swift). */
#include <sqlite3.h>
#include "../CSQLite/include/memory_statistics.h"
