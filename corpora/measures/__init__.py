"""The measure classifier's corpus (``train.jsonl``, ``heldout.jsonl``), shipped in the wheel as
the package ``textmine.corpus`` so that ``textmine train`` works from an installed textmine."""
