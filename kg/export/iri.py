"""Safe IRIs for papers, entities and statements.

Any title or name gives an IRI made only of unreserved ASCII characters, so
it cannot break Turtle, N-Triples or SPARQL.

>>> slug("GPT-2 (1.5B)")
'gpt-2-1.5b'
>>> paper_iri("arxiv:1909.10351")
'https://w3id.org/lmkg/id/paper/arxiv-1909.10351'
>>> entity_iri("Model", "TinyBERT")
'https://w3id.org/lmkg/id/model/tinybert'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from kg.vocab import ID

__all__ = ["entity_iri", "mint_entity_iris", "paper_iri", "slug", "statement_iri"]

_UNSAFE = re.compile(r"[^a-z0-9._~]+")
#: an arXiv id as it may stand in an IRI's last segment: starting and ending with a letter or digit, since
#: rdflib's Turtle parser rejects a prefixed name ending in an escaped "." (valid Turtle though: ``paper:arxiv-\.``)
_ARXIV_ID = re.compile(r"^(?=.{1,64}$)[A-Za-z0-9](?:[A-Za-z0-9._/-]*[A-Za-z0-9])?$")
MAX_SLUG = 80


def _digest(text: str, n: int = 10) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits, ``.``, ``_``, ``~`` joined by ``-``.

    Text that folds to nothing, or to something long, gets a digest of the
    original. Distinct names can share a slug ("BERT base", "BERT-base"):
    :func:`mint_entity_iris` settles such clashes.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out = _UNSAFE.sub("-", folded).strip("-.")
    if not out or len(out) > MAX_SLUG:
        return (out[:MAX_SLUG].rstrip("-.") or "x") + "-" + _digest(text)
    return out


def paper_iri(key: str) -> str:
    """The IRI of a paper key: its arXiv id, else its normalised title's slug; distinct keys never share one.

    A slug folds other scripts away ("BERT для X" and "BERT на X" both fold
    to ``bert-x``), so a title that is not plain ASCII, or a key of another
    kind, gets a digest of the key too.

    >>> [paper_iri(k).rsplit("/", 1)[1] for k in ("arxiv:1909.10351", "t:tinybert distilling bert")]
    ['arxiv-1909.10351', 'tinybert-distilling-bert']
    >>> paper_iri("t:bert для x") != paper_iri("t:bert на x")
    True
    >>> paper_iri("arxiv:.").rsplit("/", 1)[1].startswith("x-")  # no arXiv id: a digest
    True
    """
    kind, _, value = key.partition(":")
    if kind == "arxiv" and _ARXIV_ID.fullmatch(value):
        return f"{ID}paper/arxiv-{value.replace('/', '_')}"
    if kind == "t" and value.isascii():  # lower-case letters, digits and single spaces: the slug is one-to-one
        return f"{ID}paper/{slug(value)}"
    return f"{ID}paper/{slug(value)}-{_digest(key)}"


def entity_iri(etype: str, name: str) -> str:
    return f"{ID}{etype.lower()}/{slug(name)}"


def mint_entity_iris(keys) -> dict[tuple[str, str], str]:
    """IRIs for many ``(type, name)`` keys, unique even where slugs clash.

    The first name in sorted order keeps the plain slug; the others get a digest.

    >>> sorted(mint_entity_iris([("Model", "BERT base"), ("Model", "BERT-base")]).values())
    ['https://w3id.org/lmkg/id/model/bert-base', 'https://w3id.org/lmkg/id/model/bert-base-6ce451d89b']
    """
    out, taken = {}, set()
    for etype, name in sorted(keys):
        iri = entity_iri(etype, name)
        if iri in taken:
            iri = f"{iri}-{_digest(name)}"
        taken.add(iri)
        out[(etype, name)] = iri
    return out


def statement_iri(subject: str, predicate: str, obj: str, paper: str) -> str:
    return f"{ID}stmt/{_digest(' '.join((subject, predicate, obj, paper)), 16)}"
