"""Worker processes that end with their parent: a killed ingest must not leave its extraction pool running.

A `kill -9` gives the parent no chance to shut its pool down, and spawned workers would wait on
their task queue forever, holding about 140 MB each and the parent's stdout open.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Pool initializer: the kernel kills this worker when its parent dies (Linux); a watcher thread elsewhere.

    PR_SET_PDEATHSIG follows the thread that started the worker, so the pool must live and die
    within one thread of the parent (as `pipeline._Extractor` does).
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    # Also covers the parent dying before prctl took effect, and platforms without it.
    threading.Thread(target=_watch, args=(parent_pid,), name="parent-watch", daemon=True).start()


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
