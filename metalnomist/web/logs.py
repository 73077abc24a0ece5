"""How `serve` logs: uvicorn's text lines, or JSON Lines a log collector reads without parsing text."""

from __future__ import annotations

import copy
import json
import logging
from datetime import UTC, datetime
from typing import Any

from uvicorn.config import LOGGING_CONFIG

ACCESS_LOGGER = "metalnomist.access"  # one line per request, from metrics.RequestObserver


class JsonLines(logging.Formatter):
    """One object per line: time, level, logger, message, and a request's fields when it has them."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        entry.update(getattr(record, "request", {}))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def log_config(log_format: str) -> dict[str, Any]:
    """A logging.dictConfig for uvicorn: in text, uvicorn's own access lines; in json, ours (with the route).

    In json the caller also turns uvicorn's access log off (`access_log=False`), which would repeat each request.
    """
    if log_format == "text":
        config = copy.deepcopy(LOGGING_CONFIG)
        config["loggers"]["metalnomist"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
        config["loggers"][ACCESS_LOGGER] = {"level": "WARNING"}
        return config
    everything = {"handlers": ["json"], "level": "INFO", "propagate": False}
    return {
        "version": 1, "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonLines"}},
        "handlers": {"json": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}},
        "loggers": {"uvicorn": everything, "uvicorn.error": {"level": "INFO"}, "metalnomist": everything},
    }
