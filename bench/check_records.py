"""Are the records byte-identical to those of another commit? (issue 19: every speed change
keeps every record as it was.)

    python bench/check_records.py [--ref main] [--files F ...] [--keep DIR]

Runs ``textmine extract FILE --format jsonl --jobs 1`` on each evaluation file with the code
of ``--ref`` (exported with ``git archive`` into a temporary folder, run by this Python; its
records are cached under the temp folder by commit) and with the code of this working tree,
and compares the outputs byte for byte. The default files: the seed, the real reports, the
national series, the excerpts and the 36-page bulletin PDF in ``../shared/eval`` (read at run
time, never copied into the project; skipped when absent). Exit status 1 when any file's
records differ (the first differing line of each is printed), 0 when all are identical.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
PATTERNS = ("seed/beijing-2020.txt", "real/*.txt", "real/national-series/*.txt",
            "real/excerpts/*.txt", "pdf/bulletin-36pages.pdf")
RUN = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import cli; "
       "sys.argv[0] = 'textmine'; sys.exit(cli.main())")


def eval_files() -> list[Path]:
    return [p for pat in PATTERNS for p in sorted(EVAL.glob(pat))]


def extract(tree: Path, src: Path, out: Path) -> None:
    """The JSONL records of ``src`` by the code in ``tree``, into ``out``."""
    cmd = [sys.executable, "-c", RUN, str(tree), "extract", str(src), "--format", "jsonl",
           "--jobs", "1", "-q", "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{src}: extraction with {tree} failed:\n{proc.stderr.strip()}")


def ref_tree(ref: str) -> tuple[str, Path]:
    """(commit, folder holding the code of ``ref``), exported once per commit."""
    sha = subprocess.run(["git", "-C", str(REPO), "rev-parse", ref], capture_output=True,
                         text=True, check=True).stdout.strip()
    tree = Path(tempfile.gettempdir()) / f"textmine-records-{sha[:12]}" / "tree"
    if not (tree / "cli.py").exists():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", sha],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return sha, tree


def first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}:\n  ref:  {x.decode()[:300]}\n  here: {y.decode()[:300]}"
    return f"{len(la)} lines in ref, {len(lb)} here"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="main", help="the commit to compare with (default main)")
    ap.add_argument("--files", nargs="*", type=Path, help="inputs (default: the eval files)")
    ap.add_argument("--keep", type=Path, help="also keep this tree's records in this folder")
    args = ap.parse_args()
    files = args.files or eval_files()
    if not files:
        print(f"no input files ({EVAL} not found)")
        return 0
    sha, tree = ref_tree(args.ref)
    cache = tree.parent / "records"
    here = args.keep or Path(tempfile.mkdtemp(prefix="textmine-records-"))
    cache.mkdir(exist_ok=True)
    here.mkdir(parents=True, exist_ok=True)
    bad = 0
    for src in files:
        name = f"{src.parent.name}-{src.stem}.jsonl"
        base = cache / name
        if not base.exists():
            extract(tree, src, base)
        extract(REPO, src, here / name)
        a, b = base.read_bytes(), (here / name).read_bytes()
        same = a == b
        bad += not same
        print(f"{'same' if same else 'DIFFERENT':9} {len(b.splitlines()):6} records  {src.name}")
        if not same:
            print("  " + first_difference(a, b))
    print(f"{len(files) - bad} of {len(files)} files byte-identical to {args.ref} ({sha[:10]})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
