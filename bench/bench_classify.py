"""Benchmark the measure classifier on real reports; record the numbers for the model card.

    python bench/bench_classify.py [--model models/] [--no-write]

1. Measure macro-F1 on the gold claims of the evaluation documents in ``../shared/eval``
   (the seed and the national excerpt): each non-optional gold record is classified from
   its sentence, mention, indicator and the heading above its paragraph (found with
   ``textmine.read_document``). These documents are never used for training.
2. Timing: model load, and the share classification adds to extraction time.

Writes ``models/eval.json`` (tied to the model file's sha256) and re-renders
``models/README.md``. Needs ../shared/eval; exits 2 when it is missing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "eval"
DOCS = [("beijing-2020", SHARED / "seed" / "beijing-2020.gold.jsonl", SHARED / "seed" / "beijing-2020.txt"),
        ("national-gov-2018-poverty", SHARED / "real" / "excerpts" / "national-gov-2018-poverty.gold.jsonl",
         SHARED / "real" / "excerpts" / "national-gov-2018-poverty.txt")]


def items_for(gold: Path, txt: Path):
    from textmine.api import read_document
    from textmine.classify.corpus import gold_inputs
    return gold_inputs(gold, read_document(txt))


def score(y, pred):
    from sklearn.metrics import accuracy_score, f1_score

    from textmine.classify.corpus import LABELS
    present = sorted(set(y))
    return {"macro_f1": round(float(f1_score(y, pred, labels=list(LABELS), average="macro",
                                             zero_division=0)), 4),
            "macro_f1_present": round(float(f1_score(y, pred, labels=present, average="macro",
                                                     zero_division=0)), 4),
            "accuracy": round(float(accuracy_score(y, pred)), 4)}


def timing(model) -> dict:
    """Extraction of the seed with and without classification (warm, alternating runs,
    best of 10, CPU time of this process), so the share classification adds is measured in
    the same conditions."""
    from textmine.api import Extractor, read_document
    doc = read_document(DOCS[0][2])
    plain, labelled = Extractor(classify=False), Extractor(classify=True)
    labelled._model = model  # both share the process's segmenter
    plain.extract_document(doc), labelled.extract_document(doc)  # warm-up
    t_plain, t_lab = [], []
    for _ in range(10):
        t0 = time.process_time()
        claims = plain.extract_document(doc)
        t_plain.append(time.process_time() - t0)
        t0 = time.process_time()
        labelled.extract_document(doc)
        t_lab.append(time.process_time() - t0)
    te, tc = min(t_plain), min(t_lab)
    from textmine.classify.model import apply_model
    found, tokens = plain.unlabelled_claims(doc)
    t_apply = []
    for _ in range(10):
        t0 = time.process_time()
        apply_model(model, found, tokens)
        t_apply.append(time.process_time() - t0)
    ta = min(t_apply)
    return {"classification alone (apply_model, CPU)": f"{ta * 1000:.1f} ms = {ta / te:.1%} of extraction",
            "extraction of the seed (no classifier, CPU)": f"{te * 1000:.0f} ms, {len(claims)} claims",
            "extraction with classification (CPU)": f"{tc * 1000:.0f} ms",
            "classification adds": f"{(tc - te) / te:.1%}"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: bundled)")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"{SHARED}: evaluation documents not available", file=sys.stderr)
        return 2
    from textmine.classify.baseline import KeywordBaseline
    from textmine.classify.model import load_model, model_paths
    from textmine.classify.train import EVAL_FILE, write_model_card
    t0 = time.perf_counter()
    model = load_model(args.model)
    t_load = time.perf_counter() - t0
    kb = KeywordBaseline(model.lexicon)
    docs = []
    for name, gold, txt in DOCS:
        items, y = items_for(gold, txt)
        pred = [lab for lab, _ in model.predict(items)]
        docs.append({"doc": name, "n": len(y), "model": score(y, pred),
                     "keyword_baseline": score(y, kb.predict(items))})
    tim = {"model load": f"{t_load:.2f} s", **timing(model)}
    ev = {"date": dt.date.today().isoformat(), "command": "python bench/bench_classify.py",
          "model_sha256": model.card["sha256"], "documents": docs, "timing": tim}
    print(json.dumps(ev, ensure_ascii=False, indent=2))
    if not args.no_write:
        folder = model_paths(args.model)[0].parent
        (folder / EVAL_FILE).write_text(json.dumps(ev, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
        print(f"-> {folder / EVAL_FILE}, {write_model_card(folder)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
