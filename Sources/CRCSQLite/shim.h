#ifndef RC_SQLITE_SHIM_H
#define RC_SQLITE_SHIM_H
#include <sqlite3.h>
#endif
