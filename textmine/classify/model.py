"""The measure model: load it safely, apply it to claims, explain a label.

The model is two files side by side: ``measure.npz`` (vocabularies, IDF weights and
coefficients as plain arrays, read with ``allow_pickle=False``, so loading runs no code;
see ``linear``) and ``measure.json`` (the card: labels, feature groups, versions, corpus
hash, the sha256 of the model file and the held-out metrics). ``load_model`` checks the card before it loads the
pipeline; any problem is a ``ModelError`` that names the file, the problem and the fix.

    >>> model = load_model()                                  # doctest: +SKIP
    >>> model.predict(["组织劳务输出3万人。"])                    # doctest: +SKIP
    [('employment', 0.93)]
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..fileio import sha256_file
from ..errors import ModelError
from ..types import Claim, Measure

if TYPE_CHECKING:
    from .features import Tokens
    from .linear import LinearModel

MODEL_FILE = "measure.npz"
CARD_FILE = "measure.json"
FORMAT = "textmine-measure-model"
FORMAT_VERSION = 2
LABELS = tuple(m.value for m in Measure)
HINT = "run `textmine train` to build it"


def default_model_dir() -> Path:
    """The bundled model folder: the installed ``textmine.models`` package, else the
    repository's top-level ``models/``."""
    try:
        from importlib.resources import files
        d = files("textmine.models")
        p = Path(str(d))
        if (p / MODEL_FILE).exists() or (p / CARD_FILE).exists():
            return p
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[2] / "models"


def model_paths(path: str | Path | None) -> tuple[Path, Path]:
    """(model file, card file) for a folder, a model file or None (the bundled model)."""
    p = default_model_dir() if path is None else Path(path)
    if p.is_dir():
        return p / MODEL_FILE, p / CARD_FILE
    return p, p.with_suffix(".json")


@dataclass
class MeasureModel:
    """A fitted linear model and its card. ``predict`` and ``explain`` take Claims, dicts
    (corpus or claim records), ``MeasureInput``s or plain sentences."""

    linear: "LinearModel"
    card: dict = field(default_factory=dict)
    path: Path | None = None

    @property
    def labels(self) -> list[str]:
        return list(self.linear.classes)

    @cached_property
    def lexicon(self):
        """The keyword table the model was trained with (kept in its card)."""
        from .lexicon import Lexicon, load_lexicon
        table = self.card.get("lexicon")
        return Lexicon.from_table(table) if table else load_lexicon()

    def decisions(self, items: Iterable[Any]):
        """(n_items, n_labels) scores. Groups that depend only on the sentence or the
        heading are computed once per distinct sentence or heading."""
        import numpy as np

        from .features import GROUPS, MeasureInput, cache_key
        items = [MeasureInput.coerce(x) for x in items]
        makers = {g.name: g for g in GROUPS}
        lex = self.lexicon
        z = np.tile(self.linear.intercept, (len(items), 1))
        for gp in self.linear.groups:
            g = makers[gp.name]
            if g.level == "claim":
                z += _scores(gp, g, items, lex)
                continue
            keys = [cache_key(g, it) for it in items]
            units = dict(zip(dict.fromkeys(keys), range(len(keys))))  # key -> row of its unit
            first = dict(zip(reversed(keys), reversed(items)))  # key -> its first item
            row = np.fromiter(map(units.__getitem__, keys), dtype=np.intp, count=len(keys))
            z += _scores(gp, g, list(map(first.__getitem__, units)), lex)[row]
        return z

    def predict_proba(self, items: Iterable[Any]):
        return self.linear.softmax(self.decisions(items))

    def predict(self, items: Iterable[Any]) -> list[tuple[str, float]]:
        """(label, probability of that label) per item."""
        proba = self.predict_proba(items)
        labels = self.labels
        return list(zip(map(labels.__getitem__, proba.argmax(axis=1).tolist()),
                        proba.max(axis=1).tolist()))

    def explain(self, item: Any, label: str | None = None, top: int = 8) -> dict:
        """The label, its probability, all probabilities and the top features behind it
        as (feature group, feature, contribution to the label's score)."""
        from .features import features
        proba = self.predict_proba([item])[0]
        labels = self.labels
        best = labels[int(proba.argmax())]
        label = label or best
        if label not in labels:
            raise ValueError(f"unknown label {label!r}; expected one of {', '.join(labels)}")
        contrib = self.linear.contributions(features(item, self.lexicon), label)
        contrib.sort(key=lambda t: -t[2])
        feats = [(g, self._describe(g, t, item), w) for g, t, w in contrib[:top]]
        return {"label": label, "probability": float(proba[labels.index(label)]),
                "probabilities": {lab: float(p) for lab, p in zip(labels, proba)},
                "features": feats}

    def _describe(self, group: str, token: str, item: Any) -> str:
        """Lexicon tokens (``employment_w``) spelled out with the keywords that matched."""
        if group != "lexicon":
            return token
        from .features import MeasureInput, window
        label, _, place = token.rpartition("_")
        it = MeasureInput.coerce(item)
        texts = {"s": ("sentence", it.sentence), "w": ("window", window(it)),
                 "i": ("indicator", it.indicator), "h": ("heading", it.section)}
        if place not in texts:
            return f"{label} {place} phrase"
        where, text = texts[place]
        hits = [kw for kw in self.lexicon.keywords.get(label, {}) if kw in text]
        return f"{label} keywords in {where}: {'、'.join(hits)}"


BULK_MIN = 64  # fewer items than this are scored token by token (no look-up tables built)


def _scores(gp, g, items: list, lex):
    """One group's share of the decisions of ``items``: the group's bulk form when it has
    one (``bulk``: the same features, computed for all the items at once, from tables built
    on first use) and the items are many, else ``make``."""
    if len(items) >= BULK_MIN:
        from .bulk import BULK
        bulk = BULK.get(g.name)
        if bulk is not None:
            return gp.score_entries(bulk(items, lex, gp), len(items))
    return gp.scores([g.make(it, lex) for it in items])


def apply_model(model: MeasureModel, claims: list[Claim],
                tokens: Sequence["Tokens | None"] | None = None) -> None:
    """Set ``measure`` and ``measure_confidence`` on every claim, in place. ``tokens``
    (one per claim, optional): the claim's sentence as the pipeline segmented it, which
    saves segmenting it again."""
    if not claims:
        return
    from .features import MeasureInput
    toks = tokens if tokens is not None else [None] * len(claims)
    items = [MeasureInput.from_claim(c, t) for c, t in zip(claims, toks)]
    for claim, (label, p) in zip(claims, model.predict(items)):
        claim.measure = label
        claim.measure_confidence = round(p, 4)
    _growth_as_level(claims)
    _part_as_whole(claims)
    _progress_as_subject(claims)


def _part_as_whole(claims: list[Claim]) -> None:
    """A part after 其中 of the figure right before it in its sentence, of its kind and unit
    (到滨海市就业12846人，其中脱贫人口5102人), is about what the whole is about when the model
    finds it about nothing in particular (other): its words name only who is counted."""
    for prev, c in zip(claims, claims[1:]):
        if c.measure == "other" != prev.measure and c.sentence == prev.sentence and \
                c.sentence_index == prev.sentence_index and (c.kind, c.unit) == (prev.kind, prev.unit) \
                and "其中" in (c.sentence or "")[prev.end:c.start]:
            c.measure, c.measure_confidence = prev.measure, prev.measure_confidence


def _progress_as_subject(claims: list[Claim]) -> None:
    """A figure of the progress of the things the figure before it counts (安排产业项目X个，
    已开工Y个，开工率Z%: 已开工, 开工率), whose words name nothing else, is about what they are
    about when the model finds it about nothing in particular (other)."""
    progress = _progress()
    for prev, c in zip(claims, claims[1:]):
        if c.measure == "other" != prev.measure and c.sentence_index == prev.sentence_index and \
                c.sentence == prev.sentence and progress.fullmatch(c.indicator or ""):
            c.measure, c.measure_confidence = prev.measure, prev.measure_confidence


@lru_cache(maxsize=1)
def _progress():
    import re
    from ..parse.tables import alternation as alt, table
    t = table("measure_keywords")["progress"]
    return re.compile(f"(?:{alt(t['leading'])})?(?:{alt(t['words'])})(?:{alt(t['trailing'])})?")


def _growth_as_level(claims: list[Claim]) -> None:
    """A change right after its level in one sentence (金额46.7亿元，同比增长2.3倍) is about what
    the level is about: it takes the level's measure (the words of a growth name no measure)."""
    from ..nlp.indicator import without_change
    for prev, c in zip(claims, claims[1:]):
        if c.change and c.sentence_index == prev.sentence_index and c.sentence == prev.sentence \
                and prev.indicator and not prev.change and \
                without_change(c.indicator or "") == prev.indicator:
            c.measure, c.measure_confidence = prev.measure, prev.measure_confidence


def save_model(linear: "LinearModel", out_dir: str | Path, card: dict) -> tuple[Path, Path]:
    """Write ``measure.npz`` and its card (adding the file's sha256) into ``out_dir``;
    each file is written to a temporary name and renamed, so a crash leaves no half file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model_file, card_file = out / MODEL_FILE, out / CARD_FILE
    tmp = out / (MODEL_FILE + ".tmp")
    linear.save(tmp)
    tmp.replace(model_file)
    card = {"format": FORMAT, "format_version": FORMAT_VERSION, **card,
            "model_file": MODEL_FILE, "sha256": sha256_file(model_file)}
    tmp = out / (CARD_FILE + ".tmp")
    tmp.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(card_file)
    return model_file, card_file


def read_card(card_file: Path, model_file: Path) -> dict:
    if not card_file.exists():
        raise ModelError(f"{card_file}: model card not found next to {model_file.name}; {HINT}")
    try:
        card = json.loads(card_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelError(f"{card_file}: model card is corrupt ({e}); {HINT}") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        raise ModelError(f"{card_file}: not a textmine measure model card; {HINT}")
    return card


def check_compatible(card: dict, card_file: Path) -> None:
    """The card must be of this format version, for the five measures, and for the
    feature groups this textmine computes."""
    from .features import GROUPS
    if card.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{card_file}: model format version {card.get('format_version')} is not "
                         f"supported (this textmine reads version {FORMAT_VERSION}); {HINT}")
    if not isinstance(card.get("lexicon"), dict):
        raise ModelError(f"{card_file}: model card has no keyword table (lexicon); {HINT}")
    if sorted(card.get("labels", [])) != sorted(LABELS):
        raise ModelError(f"{card_file}: model labels {card.get('labels')} are not the five "
                         f"measures {list(LABELS)}; {HINT}")
    groups = [f.get("group") for f in card.get("features", []) if isinstance(f, dict)]
    unknown = sorted(set(groups) - {g.name for g in GROUPS})
    if not groups or unknown:
        raise ModelError(f"{card_file}: model uses feature groups this textmine does not compute "
                         f"({', '.join(unknown) or 'none listed'}; incompatible version); {HINT}")


def load_model(path: str | Path | None = None) -> MeasureModel:
    """Load the measure model from a folder or a ``.npz`` file (None = the bundled one).

    Raises ``ModelError`` when the file is missing, corrupt (checksum, unreadable) or
    from an incompatible version; never falls back to ``other``.
    """
    from .linear import LinearModel
    model_file, card_file = model_paths(path)
    if not model_file.exists():
        raise ModelError(f"{model_file}: measure model not found; {HINT}")
    card = read_card(card_file, model_file)
    check_compatible(card, card_file)
    if card.get("sha256") != sha256_file(model_file):
        raise ModelError(f"{model_file}: model file is corrupt (its sha256 does not match "
                         f"{card_file.name}); {HINT}")
    try:
        linear = LinearModel.load(model_file)
    except Exception as e:  # numpy/zipfile raise many types on a damaged archive
        raise ModelError(f"{model_file}: model file is corrupt or unreadable "
                         f"({type(e).__name__}: {e}); {HINT}") from None
    from .features import GROUPS
    unknown = sorted({g.name for g in linear.groups} - {g.name for g in GROUPS})
    if unknown:
        raise ModelError(f"{model_file}: model has feature groups this textmine does not compute "
                         f"({', '.join(unknown)}); {HINT}")
    if sorted(linear.classes) != sorted(LABELS):
        raise ModelError(f"{model_file}: model predicts {linear.classes}, not the five measures; "
                         f"{HINT}")
    return MeasureModel(linear, card, model_file)
