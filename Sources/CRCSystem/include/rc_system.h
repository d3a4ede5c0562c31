#ifndef RC_SYSTEM_H
#define RC_SYSTEM_H
#include <sys/types.h>

/// Resolution flags for rc_openat2 (linux/openat2.h), re-exported for Swift.
extern const unsigned long long RC_RESOLVE_BENEATH;
extern const unsigned long long RC_RESOLVE_NO_SYMLINKS;
extern const unsigned long long RC_RESOLVE_NO_MAGICLINKS;
extern const unsigned long long RC_RESOLVE_IN_ROOT;

/// openat2(2): Glibc 2.36 has no wrapper. Returns a file descriptor or -1 with errno set.
int rc_openat2(int dirfd, const char *path, int flags, unsigned int mode, unsigned long long resolve);

/// Sets the process locale to C.UTF-8 so libarchive converts names as UTF-8.
void rc_set_utf8_locale(void);
/// pipe2(fds, O_CLOEXEC): a pipe no spawned program inherits unless it is dup'ed to 0/1/2.
int rc_pipe_cloexec(int fds[2]);
/// One pointer per thread: the watchdog of the set this thread verifies, so a limit that
/// one set trips stops that set's thread and no other (`verify --jobs`).
void *rc_thread_watchdog(void);
void rc_set_thread_watchdog(void *watchdog);
#endif
