"""Running the site under uvicorn with several worker processes."""

from __future__ import annotations

import os
import socket
import tempfile
from functools import partial
from typing import TYPE_CHECKING, Any

from uvicorn import Config
from uvicorn.supervisors import Multiprocess

from metalnomist.config import Settings
from metalnomist.web.metrics import SHARED_DIR

if TYPE_CHECKING:
    from fastapi import FastAPI


def tcp_listener(config: Config) -> socket.socket:
    """uvicorn's listening socket, re-wrapped so the kernel and asyncio agree it is TCP.

    uvicorn binds it with protocol 0; accepted connections inherit that, asyncio then never
    sets TCP_NODELAY, and each keep-alive response waits ~40 ms on the client's delayed ACK
    (uvicorn issue #3149: 48 ms per request here instead of 6).
    """
    bound = config.bind_socket()
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    return listener


def build_app(settings: Settings) -> FastAPI:
    """What each worker runs: imported here, once the worker answers uvicorn's health pings.

    A worker unpickles its config before it starts answering them; were the web stack imported
    then (seconds on a busy machine), uvicorn would take the worker for hung after 5 s, kill it
    and start another, forever.
    """
    from metalnomist.web.app import create_app

    return create_app(settings)


def worker_config(settings: Settings, host: str, port: int, workers: int, **options: Any) -> Config:
    """Each worker process builds its own app from `settings`, which reach it pickled with this config."""
    return Config(partial(build_app, settings), factory=True, host=host, port=port, workers=workers,
                  proxy_headers=False, **options)


def run_workers(settings: Settings, host: str, port: int, workers: int, log_config: dict[str, Any],
                access_log: bool) -> None:
    """The workers count requests into files in one temporary folder, so `/metrics` from any of them adds up all."""
    config = worker_config(settings, host, port, workers, log_config=log_config, access_log=access_log)
    with tempfile.TemporaryDirectory(prefix="metalnomist-metrics-") as shared:
        os.environ.setdefault(SHARED_DIR, shared)
        Multiprocess(config, sockets=[tcp_listener(config)]).run()
