"""The measure model: load it safely, apply it to claims, explain a label.

The model is two files side by side: ``measure.skops`` (the fitted scikit-learn
pipeline, saved with skops, whose loader builds only the types it is told to trust) and
``measure.json`` (the card: labels, versions, corpus hash, the sha256 of the model
file and the held-out metrics). ``load_model`` checks the card before it loads the
pipeline; any problem is a ``ModelError`` that names the file, the problem and the fix.

    >>> model = load_model()                                  # doctest: +SKIP
    >>> model.predict(["组织劳务输出3万人。"])                    # doctest: +SKIP
    [('employment', 0.93)]
"""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..fileio import sha256_file
from ..errors import ModelError
from ..types import Claim, Measure

MODEL_FILE = "measure.skops"
CARD_FILE = "measure.json"
FORMAT = "textmine-measure-model"
FORMAT_VERSION = 1
LABELS = tuple(m.value for m in Measure)
HINT = "run `textmine train` to build it"
# Types the loader may build beyond skops' defaults (numpy, scipy and scikit-learn
# estimators are trusted by skops itself). Anything else in the file is refused.
TRUSTED_TYPES: list[str] = []


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


def _minor(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split(".")[:2] if x.isdigit())


@dataclass
class MeasureModel:
    """A fitted pipeline and its card. ``predict`` and ``explain`` take Claims, dicts
    (corpus or claim records), ``MeasureInput``s or plain sentences."""

    pipeline: Any
    card: dict = field(default_factory=dict)
    path: Path | None = None

    @property
    def labels(self) -> list[str]:
        return [str(c) for c in self.pipeline.classes_]

    @property
    def lexicon(self):
        """The keyword table the model was trained with (kept in its card)."""
        from .lexicon import Lexicon, load_lexicon
        table = self.card.get("lexicon")
        return Lexicon.from_table(table) if table else load_lexicon()

    def rows(self, items: Iterable[Any]):
        from .features import to_rows
        return to_rows(items, self.lexicon)

    def predict_proba(self, items: Iterable[Any]):
        rows = self.rows(items)
        if len(rows) == 0:
            import numpy as np
            return np.zeros((0, len(self.labels)))
        return self.pipeline.predict_proba(rows)

    def predict(self, items: Iterable[Any]) -> list[tuple[str, float]]:
        """(label, probability of that label) per item, in one batched call."""
        proba = self.predict_proba(list(items))
        labels = self.labels
        return [(labels[int(row.argmax())], float(row.max())) for row in proba]

    def explain(self, item: Any, label: str | None = None, top: int = 8) -> dict:
        """The label, its probability, all probabilities and the top features behind it
        as (feature group, feature, contribution to the label's score)."""
        from .features import explain_rows
        rows = self.rows([item])
        proba = self.pipeline.predict_proba(rows)[0]
        labels = self.labels
        best = labels[int(proba.argmax())]
        label = label or best
        if label not in labels:
            raise ValueError(f"unknown label {label!r}; expected one of {', '.join(labels)}")
        feats = [(g, self._describe(g, t, item), w)
                 for g, t, w in explain_rows(self.pipeline, rows, label, top)]
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


def apply_model(model: MeasureModel, claims: list[Claim]) -> None:
    """Set ``measure`` and ``measure_confidence`` on every claim, in place, with one
    batched prediction."""
    if not claims:
        return
    for claim, (label, p) in zip(claims, model.predict(claims)):
        claim.measure = label
        claim.measure_confidence = round(p, 4)


def save_model(pipeline: Any, out_dir: str | Path, card: dict) -> tuple[Path, Path]:
    """Write ``measure.skops`` and its card (adding the file's sha256) into ``out_dir``."""
    import skops.io as sio
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model_file, card_file = out / MODEL_FILE, out / CARD_FILE
    tmp = out / (MODEL_FILE + ".tmp")
    sio.dump(pipeline, tmp, compression=zipfile.ZIP_DEFLATED)
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
    import sklearn
    if card.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{card_file}: model format version {card.get('format_version')} is not "
                         f"supported (this textmine reads version {FORMAT_VERSION}); {HINT}")
    trained = str(card.get("sklearn_version", "?"))
    if _minor(trained) != _minor(sklearn.__version__):
        raise ModelError(f"{card_file}: model was trained with scikit-learn {trained}, but "
                         f"{sklearn.__version__} is installed (incompatible version); {HINT}")
    if not isinstance(card.get("lexicon"), dict):
        raise ModelError(f"{card_file}: model card has no keyword table (lexicon); {HINT}")
    if sorted(card.get("labels", [])) != sorted(LABELS):
        raise ModelError(f"{card_file}: model labels {card.get('labels')} are not the five "
                         f"measures {list(LABELS)}; {HINT}")


def load_model(path: str | Path | None = None) -> MeasureModel:
    """Load the measure model from a folder or a ``.skops`` file (None = the bundled one).

    Raises ``ModelError`` when the file is missing, corrupt (checksum, unreadable,
    untrusted content) or from an incompatible version; never falls back to ``other``.
    """
    model_file, card_file = model_paths(path)
    if not model_file.exists():
        raise ModelError(f"{model_file}: measure model not found; {HINT}")
    card = read_card(card_file, model_file)
    check_compatible(card, card_file)
    if card.get("sha256") != sha256_file(model_file):
        raise ModelError(f"{model_file}: model file is corrupt (its sha256 does not match "
                         f"{card_file.name}); {HINT}")
    import skops.io as sio
    try:
        untrusted = [t for t in sio.get_untrusted_types(file=model_file) if t not in TRUSTED_TYPES]
        if untrusted:
            raise ModelError(f"{model_file}: model file contains untrusted types "
                             f"({', '.join(untrusted[:5])}); refusing to load it; {HINT}")
        pipeline = sio.load(model_file, trusted=TRUSTED_TYPES)
    except ModelError:
        raise
    except Exception as e:  # skops raises many types on a damaged archive
        raise ModelError(f"{model_file}: model file is corrupt or unreadable "
                         f"({type(e).__name__}: {e}); {HINT}") from None
    classes = [str(c) for c in getattr(pipeline, "classes_", [])]
    if sorted(classes) != sorted(LABELS):
        raise ModelError(f"{model_file}: model predicts {classes}, not the five measures; {HINT}")
    return MeasureModel(pipeline, card, model_file)
