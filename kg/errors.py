"""Errors raised by kg. Every user-facing failure is a :class:`KGError`."""
from __future__ import annotations

__all__ = ["KGError", "ParseError", "FormatError", "QueryError", "ResultLimitError", "GraphNotFoundError"]


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class ParseError(KGError, ValueError):
    """A record or file could not be read. Carries the file and line."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        self.file = file
        self.line = line
        where = file or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.reason = message


class FormatError(ParseError):
    """A file matches no known input format, or the forced one."""


class QueryError(KGError, ValueError):
    """A SPARQL query is malformed or failed."""


class ResultLimitError(QueryError):
    """A query's answer is larger than the configured cap."""


class GraphNotFoundError(KGError, FileNotFoundError):
    """The output directory of a build holds no graph."""
