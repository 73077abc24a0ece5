"""Domain errors. They know nothing of HTTP; web/errors.py maps them to statuses."""

from __future__ import annotations


class MetalnomistError(Exception):
    """Base class: every message says what was wrong, where, and how to fix it."""


class NotFound(MetalnomistError):
    pass


class InvalidQuery(MetalnomistError):
    pass


class InvalidInput(MetalnomistError):
    """A form or API payload field is unacceptable."""

    def __init__(self, field: str, problem: str, others: dict[str, str] | None = None) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
        # every field's problem, so a form can flag them all at once; the first is `field`
        self.problems = {field: problem, **(others or {})}


class TooLarge(InvalidInput):
    """An uploaded file is over its size limit."""


class UnsupportedType(InvalidInput):
    """An uploaded file is not of a kind accepted there, judged by its bytes, never its name."""


class IngestError(MetalnomistError):
    """A source file could not be read; nothing from it was stored."""

    def __init__(self, path: str, problem: str, line: int | None = None, where: str | None = None) -> None:
        location = path
        if line is not None:
            location += f", line {line}"
        if where:
            location += f", {where}"
        super().__init__(f"{location}: {problem}")
        self.path = path
        self.line = line
        self.where = where
        self.problem = problem


class ConfigError(MetalnomistError):
    pass


class StoreError(MetalnomistError):
    pass


class IndexUnavailable(StoreError):
    """The search index could not be written; the database is intact and rebuilds it at the next start."""


class RateLimited(MetalnomistError):
    pass


class Unauthorized(MetalnomistError):
    """No valid account, session or token stands behind the request; nothing was changed."""


class DeliveryFailed(MetalnomistError):
    """An email or webhook of a watch could not be delivered; it is retried later."""


class AddressRefused(MetalnomistError):
    """A webhook address leads into the server's own network (loopback, private …) or to no host at all."""
