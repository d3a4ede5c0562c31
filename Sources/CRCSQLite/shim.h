#ifndef RC_SQLITE_SHIM_H
#define RC_SQLITE_SHIM_H
#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call. Memory statistics off: with them on,
/// every allocation of every connection takes one process-wide mutex, and sets verified at
/// once (`--jobs`) wait on each other there. Must run before the first connection opens.
static inline int rc_sqlite_disable_memory_status(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
