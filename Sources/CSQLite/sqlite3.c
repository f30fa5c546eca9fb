/* SQLite, compiled into Almanac as one translation unit: the amalgamation that `make setup`
   (scripts/setup.sh) builds from Debian's sqlite3 source package into vendor/sqlite/. The
   compile-time options are in Package.swift. */
#if __has_include("../../vendor/sqlite/sqlite3.c")
#include "../../vendor/sqlite/sqlite3.c"
#else
#error "vendor/sqlite/sqlite3.c is missing: run `make setup` (scripts/setup.sh) first; it builds SQLite's one-file source from Debian's sqlite3 source package"
#endif
