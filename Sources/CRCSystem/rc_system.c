#define _GNU_SOURCE
#include "rc_system.h"
#include <linux/openat2.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

const unsigned long long RC_RESOLVE_BENEATH = RESOLVE_BENEATH;
const unsigned long long RC_RESOLVE_NO_SYMLINKS = RESOLVE_NO_SYMLINKS;
const unsigned long long RC_RESOLVE_NO_MAGICLINKS = RESOLVE_NO_MAGICLINKS;
const unsigned long long RC_RESOLVE_IN_ROOT = RESOLVE_IN_ROOT;

int rc_openat2(int dirfd, const char *path, int flags, unsigned int mode, unsigned long long resolve) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long)flags;
    how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
    how.resolve = resolve;
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
}

void rc_set_utf8_locale(void) {
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) setlocale(LC_ALL, "C.utf8");
}

int rc_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

static _Thread_local void *rc_watchdog;

void *rc_thread_watchdog(void) {
    return rc_watchdog;
}

void rc_set_thread_watchdog(void *watchdog) {
    rc_watchdog = watchdog;
}
