"""Full-text search of the stored sentences: every term must occur (AND).

A term is looked up as a word in the word index (``sentences_fts``: 就业, 村, 扶贫车间) and,
when it has three characters or more, also as a substring in the trigram index
(``sentences_trigram``: 带动贫困人口, 44624人). Hits come back with the places of the terms in
the sentence, for highlighted snippets.

    >>> hits = search_sentences(db, "就业 扶贫")           # doctest: +SKIP
    >>> hits.total, hits.hits[0].snippet()                 # doctest: +SKIP
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ConfigError

WORD_TABLE = "sentences_fts"
TRIGRAM_TABLE = "sentences_trigram"
SNIPPET_CONTEXT = 30  # characters shown on each side of the first hit


@dataclass
class Hit:
    doc: str
    path: str | None
    page: int | None
    sentence_index: int | None
    sentence: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # places of the terms

    def snippet(self, context: int = SNIPPET_CONTEXT) -> tuple[str, list[tuple[int, int]]]:
        """The sentence around its first hit (``…`` where cut) and the hit spans in it."""
        s = self.sentence
        first = self.spans[0][0] if self.spans else 0
        last = self.spans[0][1] if self.spans else 0
        a, b = max(0, first - context), min(len(s), last + context)
        lead = "…" if a > 0 else ""
        text = lead + s[a:b] + ("…" if b < len(s) else "")
        shift = len(lead) - a
        spans = [(x + shift, y + shift) for x, y in self.spans if x >= a and y <= b]
        return text, spans

    def to_dict(self) -> dict:
        text, spans = self.snippet()
        return {"doc": self.doc, "path": self.path, "page": self.page,
                "sentence_index": self.sentence_index, "sentence": self.sentence,
                "hits": [list(x) for x in self.spans], "snippet": text,
                "snippet_hits": [list(x) for x in spans]}


@dataclass
class SearchResult:
    terms: list[str]
    total: int
    hits: list[Hit]


def split_terms(query: str | list[str]) -> list[str]:
    """The terms of a query: words separated by spaces; quotes are not operators here."""
    parts = query if isinstance(query, list) else [query]
    terms = [t for p in parts for t in re.split(r"\s+", p.replace('"', " ")) if t]
    if not terms:
        raise ConfigError("nothing to search for: give one or more words")
    return terms


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term_ids(term: str, has_trigram: bool) -> tuple[str, list]:
    """A SELECT of the ids of the sentences that hold ``term``."""
    sql = f"SELECT rowid AS id FROM {WORD_TABLE} WHERE {WORD_TABLE} MATCH ?"
    params: list = [_phrase(term)]
    if has_trigram and len(term) >= 3:
        sql += f" UNION SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH ?"
        params.append(_phrase(term))
    return sql, params


def term_spans(sentence: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in ``sentence`` (ASCII case ignored), in order, not overlapping."""
    low = sentence.lower()
    spans = []
    for t in terms:
        t = t.lower()
        spans += [(m.start(), m.start() + len(t)) for m in re.finditer(re.escape(t), low)]
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def search_sentences(db, query: str | list[str], *, limit: int | None = 50) -> SearchResult:
    """Sentences of ``db`` (a ``sqlite_utils.Database``) holding every term of ``query``,
    in the order they were stored (documents in ingest order, sentences in reading order);
    ``total`` counts them all, ``hits`` the first ``limit``."""
    terms = split_terms(query)
    if not db[WORD_TABLE].exists():
        raise ConfigError("this database has no word index; open it once with this textmine "
                          "(`textmine query --db DB` migrates it)")
    has_trigram = db[TRIGRAM_TABLE].exists()
    # the ids straight from the indexes (intersected per term), so that counting thousands of
    # hits never walks the sentences table
    selects, params = [], []
    for t in terms:
        sql, p = _term_ids(t, has_trigram)
        selects.append(f"SELECT id FROM ({sql})")
        params += p
    ids = " INTERSECT ".join(selects)
    total = db.execute(f"SELECT count(*) FROM ({ids})", params).fetchone()[0]
    sql = (f"SELECT d.doc, d.path, s.page, s.sentence_index, s.text FROM sentences s"
           f" JOIN documents d ON d.id = s.document_id"
           f" WHERE s.id IN (SELECT id FROM ({ids}) ORDER BY id"
           f"{f' LIMIT {int(limit)}' if limit else ''}) ORDER BY s.id")
    hits = [Hit(doc, path, page, idx, text, term_spans(text, terms))
            for doc, path, page, idx, text in db.execute(sql, params).fetchall()]
    return SearchResult(terms, total, hits)
