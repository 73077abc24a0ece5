"""User text → Query value. The parser is total: any string gives a Query, never an error."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
_TOKEN = re.compile(r'[-+]?"[^"]*"?|\S+')


@dataclass(frozen=True)
class Term:
    """A word (or a quoted phrase) as the user wrote it; analysis happens when compiled."""

    text: str
    phrase: bool = False

    def __str__(self) -> str:
        return f'"{self.text}"' if self.phrase or " " in self.text else self.text


@dataclass(frozen=True)
class Clause:
    """Alternatives any of which may match (`a OR b`, or thesaurus synonyms); `excluded` is `-a`,
    `required` is `+a` or a quoted phrase: exact control that the relaxed default ranking keeps."""

    alternatives: tuple[Term, ...]
    excluded: bool = False
    required: bool = False

    def __str__(self) -> str:
        inner = " OR ".join(str(t) for t in self.alternatives)
        inner = f"({inner})" if len(self.alternatives) > 1 else inner
        return f"-{inner}" if self.excluded else f"+{inner}" if self.required and not self.is_phrase else inner

    @property
    def is_phrase(self) -> bool:
        return len(self.alternatives) == 1 and self.alternatives[0].phrase

    @property
    def optional(self) -> bool:
        """A plain word: every-word hits rank first, but a hit may lack it."""
        return not (self.excluded or self.required)


@dataclass(frozen=True)
class Query:
    raw: str
    clauses: tuple[Clause, ...] = ()

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.excluded)

    @property
    def optional(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.optional)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def __str__(self) -> str:
        return " ".join(str(c) for c in self.clauses)


def parse(text: str) -> Query:
    """`"phrases"`, `-excluded`, `+required`, `a OR b`; `AND` may be written; the rest is text."""
    raw = (text or "").replace("\x00", " ")[:MAX_QUERY_CHARS]
    clauses: list[Clause] = []
    join_next = False
    for token in _TOKEN.findall(raw):
        if token == "OR":
            join_next = bool(clauses) and not clauses[-1].excluded
            continue
        if token == "AND":
            continue
        clause = _clause(token)
        if clause is None:
            continue
        if join_next and not clause.excluded:
            last = clauses[-1]  # `"a b" OR "c d"` stays exact: either phrase must be there
            clauses[-1] = Clause(last.alternatives + clause.alternatives, required=last.required or clause.required)
        elif len(clauses) < MAX_CLAUSES:
            clauses.append(clause)
        join_next = False
    return Query(raw=raw, clauses=tuple(clauses))


def _clause(token: str) -> Clause | None:
    # A sign before a digit belongs to the number (`+1 nucleosomes`, `-40 degrees`), not to the operators.
    sign = token[0] if token[0] in "-+" and len(token) > 1 and not token[1].isdigit() else ""
    body = token[len(sign):]
    excluded = sign == "-"
    if body.startswith('"'):
        inner = " ".join(body.strip('"').split())
        return Clause((Term(inner, phrase=True),), excluded, required=not excluded) if inner else None
    body = body.strip('"')
    if not any(ch.isalnum() for ch in body):
        return None
    return Clause((Term(body),), excluded, required=sign == "+")
