"""Helpers shared by readers: decoding, title normalisation, paper keys."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kg.errors import FormatError

__all__ = ["ARXIV_ID", "MAX_FILE_BYTES", "clean_text", "decode", "normalise_title", "paper_key", "read_text"]

#: A listing file larger than this is refused (JSON-lines files stream and have no limit).
MAX_FILE_BYTES = 256 * 1024 * 1024

#: New-style (2104.01234v2) and old-style (cs/0501001) arXiv identifiers.
ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SPACE = re.compile(r"\s+")


def decode(data: bytes, file: str, partial: bool = False) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 with a BOM.

    ``partial``: ``data`` is the head of a longer file, so a character cut at
    its end is dropped rather than an error.

    >>> decode(b"\\xef\\xbb\\xbfhi", "f")
    'hi'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data[: len(data) // 2 * 2].decode("utf-16")
        except UnicodeDecodeError as err:
            raise FormatError(f"invalid UTF-16 text ({err.reason})", file) from err
    if b"\x00" in data[:65536]:
        raise FormatError("binary data, not a text listing", file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if partial and err.start >= len(data) - 3:
            return data[: err.start].decode("utf-8-sig")
        raise FormatError(
            f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); re-encode the file as UTF-8",
            file,
        ) from err


def read_text(path: Path) -> str:
    """Read a whole (small) text file, refusing binaries and huge files."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FormatError(f"file of {size} bytes is larger than the {MAX_FILE_BYTES}-byte limit for listings", str(path))
    return decode(path.read_bytes(), str(path))


def clean_text(text: str) -> str:
    """NFC-normalise, drop control characters and lone surrogates, fold white space.

    >>> clean_text("  a\\u0000b \\r\\n c ")
    'ab c'
    """
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return _SPACE.sub(" ", text).strip()


def normalise_title(title: str) -> str:
    """The identity form of a title: case-folded letters and digits, single spaces.

    >>> normalise_title("TinyBERT:  Distilling BERT for NLU!")
    'tinybert distilling bert for nlu'
    """
    text = unicodedata.normalize("NFKD", title).casefold()
    text = "".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def paper_key(title: str, arxiv_id: str | None = None) -> str:
    """``arxiv:<id without version>`` when known, else ``t:<normalised title>``."""
    if arxiv_id:
        return "arxiv:" + re.sub(r"v\d+$", "", arxiv_id)
    return "t:" + normalise_title(title)
