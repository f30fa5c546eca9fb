/* SQLite, compiled into Almanac as one translation unit: the amalgamation that `make setup`
   (scripts/setup.sh) builds from Debian's sqlite3 source package into vendor/sqlite/.
   Package.swift compiles this target only when that file is there, with the options it
   lists; without it, Almanac links the system's libsqlite3 (Sources/CSQLiteSystem). */
#include "../../vendor/sqlite/sqlite3.c"
