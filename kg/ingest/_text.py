"""Helpers shared by readers: decoding, title normalisation, paper keys."""
from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path

from kg.errors import FormatError

__all__ = [
    "ARXIV_ID", "MAX_FILE_BYTES", "clean_text", "decode", "display_name", "encoding_of", "normalise_title",
    "paper_key", "read_text",
]

#: A listing file larger than this is refused (JSON-lines files stream and have no limit).
MAX_FILE_BYTES = 256 * 1024 * 1024

#: New-style (2104.01234v2) and old-style (cs/0501001) arXiv identifiers.
ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SPACE = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
_NOT_ALNUM_ASCII = re.compile(r"[^a-z0-9]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def encoding_of(head: bytes) -> str:
    """The codec for a file that starts with ``head``: UTF-16 when a BOM says so, else UTF-8.

    >>> encoding_of(b"\\xff\\xfe{")
    'utf-16'
    """
    return "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"


def decode(data: bytes, file: str, partial: bool = False) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 with a BOM.

    ``partial``: ``data`` is the head of a longer file, so a character cut at
    its end is dropped rather than an error.

    >>> decode(b"\\xef\\xbb\\xbfhi", "f")
    'hi'
    >>> decode("hé".encode("utf-16"), "f")
    'hé'
    """
    encoding = encoding_of(data)
    if encoding == "utf-8-sig" and b"\x00" in data[:65536]:
        if _looks_like_utf16(data[:65536]):
            raise FormatError("UTF-16 without a byte-order mark; re-encode the file as UTF-8", file)
        raise FormatError("binary data, not a text listing", file)
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=not partial)
    except UnicodeDecodeError as err:
        if encoding == "utf-16":
            raise FormatError(f"invalid UTF-16 text ({err.reason})", file) from err
        raise FormatError(
            f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); re-encode the file as UTF-8",
            file,
        ) from err


def _looks_like_utf16(head: bytes) -> bool:
    """Every NUL on even offsets only, or odd only, and at least a quarter of the bytes NUL."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return min(even, odd) == 0 and max(even, odd) >= len(head) / 4


def display_name(path: Path | str) -> str:
    """A file name fit for messages and output: bytes that are not UTF-8 become U+FFFD.

    On POSIX a name that is not valid UTF-8 arrives with lone surrogates,
    which no RDF literal or terminal can carry.

    >>> display_name("a\\udcffb.txt")
    'a\ufffdb.txt'
    """
    text = str(path)
    try:
        return os.fsencode(text).decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no file system produced
        return _SURROGATE.sub("\ufffd", text)


def read_text(path: Path) -> str:
    """Read a whole (small) text file, refusing binaries and huge files."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FormatError(f"file of {size} bytes is larger than the {MAX_FILE_BYTES}-byte limit for listings",
                          display_name(path))
    return decode(path.read_bytes(), display_name(path))


def clean_text(text: str) -> str:
    """NFC-normalise, drop control characters and lone surrogates, fold white space.

    >>> clean_text("  a\\u0000b \\r\\n c ")
    'ab c'
    """
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _ODD_SPACE.search(text):  # else every space is a single " " already
        text = _SPACE.sub(" ", text)
    return text.strip()


def normalise_title(title: str) -> str:
    """The identity form of a title: case-folded letters and digits, single spaces.

    >>> normalise_title("TinyBERT:  Distilling BERT for NLU!")
    'tinybert distilling bert for nlu'
    """
    if title.isascii():  # the same, faster: NFKD and combining marks change nothing
        return " ".join(_NOT_ALNUM_ASCII.sub(" ", title.lower()).split())
    text = unicodedata.normalize("NFKD", title).casefold()
    text = "".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def paper_key(title: str, arxiv_id: str | None = None) -> str:
    """``arxiv:<id without version>`` when known, else ``t:<normalised title>``."""
    if arxiv_id:
        return "arxiv:" + re.sub(r"v\d+$", "", arxiv_id)
    return "t:" + normalise_title(title)
