#ifndef RC_ZLIB_SHIM_H
#define RC_ZLIB_SHIM_H
#include <zlib.h>
#endif
