#ifndef ALMANAC_SHIMS_H
#define ALMANAC_SHIMS_H

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Swaps two paths in one step (renameat2 with RENAME_EXCHANGE, Linux 3.15 and later).
   Called through syscall(2) because glibc declares renameat2 only under _GNU_SOURCE.
   Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported). */
static inline int almanac_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */);
#else
    return -1;
#endif
}

#endif
