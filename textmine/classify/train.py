"""Train the measure model on ``corpora/``, score it on the held-out split against the
keyword baseline and the majority baseline, and write the model, its JSON card and the
model card ``README.md``. Deterministic: the same corpus and seed give the same model.
"""
from __future__ import annotations

import datetime as _dt
import time
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from .corpus import LABELS, Corpus, load_corpus
from .features import GROUPS, MIN_DF, WINDOW_LEFT, WINDOW_RIGHT, MeasureInput, features
from .lexicon import Lexicon, load_lexicon
from .model import CARD_FILE, MODEL_FILE, MeasureModel, save_model

C = 8.0  # inverse regularisation, chosen by grouped cross-validation on the training split


def scores(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
    per = f1_score(y_true, y_pred, labels=list(LABELS), average=None, zero_division=0)
    return {"macro_f1": round(float(f1_score(y_true, y_pred, labels=list(LABELS),
                                             average="macro", zero_division=0)), 4),
            "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
            "f1": {lab: round(float(v), 4) for lab, v in zip(LABELS, per)},
            "confusion": {"labels": list(LABELS),
                          "rows_gold": confusion_matrix(y_true, y_pred, labels=list(LABELS)).tolist()}}


def calibration(y_true: Sequence[str], proba, classes: Sequence[str], bins: int = 10) -> dict:
    """Expected calibration error of the top label, and the multi-class log loss."""
    import numpy as np
    from sklearn.metrics import log_loss
    conf = proba.max(axis=1)
    correct = np.array([classes[i] == y for i, y in zip(proba.argmax(axis=1), y_true)])
    ece = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        m = (conf > lo) & (conf <= lo + 1 / bins)
        if m.any():
            ece += m.mean() * abs(conf[m].mean() - correct[m].mean())
    return {"ece": round(float(ece), 4),
            "log_loss": round(float(log_loss(y_true, proba, labels=list(classes))), 4),
            "mean_confidence": round(float(conf.mean()), 4)}


def _tokens(tokens: list[str]) -> list[str]:
    return tokens  # the vectorisers get ready-made token lists (``features``)


def fit_sklearn(items: Sequence[MeasureInput], labels: Sequence[str], lexicon: Lexicon,
                seed: int = 0, min_df: int = MIN_DF):
    """One TF-IDF vectoriser per feature group (weighted, stacked) into a multinomial
    logistic regression. Returns (vectorisers, classifier)."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = [features(it, lexicon) for it in items]
    vectorizers, blocks = [], []
    for g in GROUPS:
        vec = TfidfVectorizer(analyzer=_tokens, sublinear_tf=True, min_df=min_df, lowercase=False)
        docs = [f[g.name] for f in feats]
        try:
            x = vec.fit_transform(docs)
        except ValueError:  # no feature of this group occurs min_df times (tiny corpora)
            vec = TfidfVectorizer(analyzer=_tokens, sublinear_tf=True, min_df=1, lowercase=False)
            vec.fit([["\x00"]])
            x = csr_matrix((len(docs), 1))
        vectorizers.append(vec)
        blocks.append(x * g.weight)
    clf = LogisticRegression(C=C, max_iter=3000, random_state=seed)
    clf.fit(hstack(blocks).tocsr(), np.asarray(labels))
    return vectorizers, clf


def fit(corpus: Corpus, lexicon: Lexicon, seed: int = 0) -> MeasureModel:
    """The model of the training split, converted to the arrays that ship (``linear``)."""
    from .linear import LinearModel
    vecs, clf = fit_sklearn([e.as_input() for e in corpus.train],
                            [e.label for e in corpus.train], lexicon, seed)
    linear = LinearModel.from_sklearn(vecs, [g.weight for g in GROUPS], [g.name for g in GROUPS],
                                      clf)
    return MeasureModel(linear, {"lexicon": lexicon.to_table()})


def evaluate(model: MeasureModel, corpus: Corpus, lexicon: Lexicon) -> dict[str, Any]:
    from .baseline import KeywordBaseline
    items = [e.as_input() for e in corpus.heldout]
    y = [e.label for e in corpus.heldout]
    proba = model.predict_proba(items)
    classes = model.labels
    pred = [classes[i] for i in proba.argmax(axis=1)]
    majority = Counter(e.label for e in corpus.train).most_common(1)[0][0]
    scored = scores(y, pred)
    scored.update(calibration(y, proba, classes))
    written = [i for i, e in enumerate(corpus.heldout) if e.source == "written"]
    scored["macro_f1_written_only"] = scores([y[i] for i in written],
                                             [pred[i] for i in written])["macro_f1"]
    return {"model": scored,
            "keyword_baseline": scores(y, KeywordBaseline(lexicon).predict(items)),
            "majority_baseline": {"label": majority, **scores(y, [majority] * len(y))}}


def counts(corpus: Corpus) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split, rows in (("train", corpus.train), ("heldout", corpus.heldout)):
        out[split] = {lab: {"total": sum(e.label == lab for e in rows),
                            "written": sum(e.label == lab and e.source == "written" for e in rows)}
                      for lab in LABELS}
    return out


def train(corpus_dir: str | Path = "corpora", out_dir: str | Path = "models",
          seed: int = 0) -> dict[str, Any]:
    """Fit, evaluate and save; return the metrics dict (also in the JSON card)."""
    import sklearn

    from .._version import __version__
    corpus = load_corpus(corpus_dir)
    lexicon = load_lexicon()
    t0 = time.perf_counter()
    model = fit(corpus, lexicon, seed)
    seconds = time.perf_counter() - t0
    metrics = evaluate(model, corpus, lexicon)
    kept = ("model" if metrics["model"]["macro_f1"] >= metrics["keyword_baseline"]["macro_f1"]
            else "keyword_baseline")
    card = {
        "labels": model.labels,
        "textmine_version": __version__,
        "sklearn_version": sklearn.__version__,
        "created": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d"),
        "seed": seed,
        "corpus_hash": corpus.digest,
        "corpus_files": corpus.files,
        "counts": counts(corpus),
        "features": [{"group": g.name, "level": g.level, "weight": g.weight,
                      "vocabulary": len(p.vocabulary)}
                     for g, p in zip(GROUPS, model.linear.groups)],
        "min_df": MIN_DF,
        "window": [WINDOW_LEFT, WINDOW_RIGHT],
        "classifier": f"LogisticRegression(C={C}, multinomial, lbfgs)",
        "train_seconds": round(seconds, 2),
        "metrics_heldout": metrics,
        "kept": kept,
        "lexicon": lexicon.to_table(),
    }
    model_file, card_file = save_model(model.linear, out_dir, card)
    write_model_card(out_dir)
    init = Path(out_dir) / "__init__.py"
    if not init.exists():
        init.write_text("", encoding="utf-8")
    return {"model_file": str(model_file), "card_file": str(card_file), "train_seconds":
            card["train_seconds"], "corpus_hash": corpus.digest, "kept": kept, **metrics}


EVAL_FILE = "eval.json"  # written by bench/bench_classify.py: scores on real reports


def write_model_card(out_dir: str | Path) -> Path:
    """(Re)write ``README.md`` from the JSON card, plus ``eval.json`` when it describes
    this very model file (same sha256)."""
    import json
    out = Path(out_dir)
    card = json.loads((out / CARD_FILE).read_text(encoding="utf-8"))
    evaluation = None
    if (out / EVAL_FILE).exists():
        ev = json.loads((out / EVAL_FILE).read_text(encoding="utf-8"))
        if ev.get("model_sha256") == card.get("sha256"):
            evaluation = ev
    path = out / "README.md"
    path.write_text(model_card_markdown(card, evaluation), encoding="utf-8")
    return path


def _eval_section(ev: dict | None) -> str:
    if not ev:
        return ("Not measured for this model file yet: run `python bench/bench_classify.py` "
                "(needs the evaluation documents in `../shared/eval`).")
    rows = ["| document | claims | model macro-F1 (5 labels) | model macro-F1 (labels present) "
            "| model accuracy | keyword macro-F1 (5 labels) | keyword accuracy |",
            "|---|---|---|---|---|---|---|"]
    for d in ev["documents"]:
        rows.append(f"| {d['doc']} | {d['n']} | {d['model']['macro_f1']:.3f} | "
                    f"{d['model']['macro_f1_present']:.3f} | {d['model']['accuracy']:.3f} | "
                    f"{d['keyword_baseline']['macro_f1']:.3f} | {d['keyword_baseline']['accuracy']:.3f} |")
    t = ev.get("timing", {})
    return ("Gold claims of evaluation documents never used for training (classified from each "
            "gold record's sentence, mention, indicator and the heading above it), measured on "
            f"{ev['date']} with `{ev['command']}`:\n\n" + "\n".join(rows) + "\n\n"
            + "".join(f"- {k}: {v}\n" for k, v in t.items()))


def _f1_table(metrics: dict) -> str:
    rows = ["| | " + " | ".join(LABELS) + " | macro-F1 | accuracy |",
            "|---|" + "---|" * (len(LABELS) + 2)]
    for name in ("model", "keyword_baseline", "majority_baseline"):
        m = metrics[name]
        rows.append(f"| {name} | " + " | ".join(f"{m['f1'][lab]:.3f}" for lab in LABELS)
                    + f" | **{m['macro_f1']:.3f}** | {m['accuracy']:.3f} |")
    return "\n".join(rows)


def model_card_markdown(card: dict, evaluation: dict | None = None) -> str:
    """The model card (``models/README.md``) of a trained model's JSON card."""
    return (_card_head(card) + _card_data(card) + _card_features(card)
            + _card_metrics(card["metrics_heldout"], evaluation))


def _card_head(card: dict) -> str:
    return f"""# Measure model card (`{MODEL_FILE}`)

Generated by `textmine train` on {card['created']}; do not edit by hand (edit
`textmine/classify/train.py`). Machine-readable twin: `{CARD_FILE}`.

| | |
|---|---|
| task | label each quantified claim with its policy measure: {', '.join(card['labels'])} |
| textmine version | {card['textmine_version']} |
| trained with scikit-learn | {card['sklearn_version']} (not needed to apply the model) |
| classifier | TF-IDF feature groups -> {card['classifier']} |
| seed | {card['seed']} |
| corpus hash (sha256 of `corpora/measures/*.jsonl`) | `{card['corpus_hash']}` |
| training time | {card['train_seconds']} s (fit only) |
| kept | **{card['kept']}** (the better held-out macro-F1) |

"""


def _card_data(card: dict) -> str:
    cnt = card["counts"]
    count_rows = "\n".join(
        f"| {lab} | {cnt['train'][lab]['total']} ({cnt['train'][lab]['written']}) | "
        f"{cnt['heldout'][lab]['total']} ({cnt['heldout'][lab]['written']}) |" for lab in LABELS)
    return f"""## Data

`corpora/measures/` (datasheet: `corpora/README.md`): sentences written by the project in
the style of Chinese government reports, hand-written and template-generated. Held-out
split: whole templates and a hash-chosen fifth of the hand-written sentences, so no
template is shared between train and held-out. Counts (hand-written in brackets):

| label | train | held-out |
|---|---|---|
{count_rows}

"""


def _card_features(card: dict) -> str:
    feats = "\n".join(f"| {f['group']} | {f['level']} | {f['vocabulary']} | {f['weight']} |"
                      for f in card["features"])
    return f"""## Features

Each claim becomes token groups (`textmine/classify/features.py`): its sentence's words
(as the extraction pipeline's jieba tokenizer cut them), character 1-3-grams of a window of
{card['window'][0]} characters before / {card['window'][1]} after its number mention, character
1-2-grams of the clause holding the mention, of its indicator and of its section heading, and
`lexicon` tokens: one per measure and place (sentence, window, indicator, heading) where a
keyword of that measure from `textmine/data/measure_keywords.toml` occurs (the table is stored
in the JSON card). Arabic numbers are collapsed to one token. Each group is a TF-IDF
vectoriser (sublinear tf, L2 norm, features seen in at least {card['min_df']} training
examples) with its weight. The fitted vocabularies, IDF weights and coefficients are saved as
plain arrays (`{MODEL_FILE}`, read without pickle), and extraction applies them without
scikit-learn; groups that depend only on the sentence or heading are scored once per sentence.

| group | depends on | vocabulary | weight |
|---|---|---|---|
{feats}

"""


def _card_metrics(m: dict, evaluation: dict | None) -> str:
    conf = m["model"]["confusion"]["rows_gold"]
    conf_rows = "\n".join(f"| {lab} | " + " | ".join(str(v) for v in row) + " |"
                          for lab, row in zip(LABELS, conf))
    return f"""## Metrics on the held-out split

{_f1_table(m)}

- model macro-F1 on the hand-written held-out sentences only: {m['model']['macro_f1_written_only']:.3f}
- calibration of `measure_confidence` (the top-label probability): expected calibration
  error {m['model']['ece']:.3f}, log loss {m['model']['log_loss']:.3f}, mean confidence {m['model']['mean_confidence']:.3f}
- majority baseline predicts `{m['majority_baseline']['label']}` for everything

Confusion matrix of the model (rows gold, columns predicted, order {', '.join(LABELS)}):

| gold \\ pred | {' | '.join(LABELS)} |
|---|{'---|' * len(LABELS)}
{conf_rows}

## Metrics on real reports

{_eval_section(evaluation)}

## Limits

The corpus is synthetic in the style of the reports; accuracy on real reports depends on
how well the extractor's indicator and section heading are filled. Claims about several
measures at once, or whose sentence gives no hint of a measure, tend to `other` with low
confidence. Retrain with `textmine train` after changing the corpus; a model file of another
format version, or with feature groups this textmine does not compute, is refused with a
hint to retrain.
"""
