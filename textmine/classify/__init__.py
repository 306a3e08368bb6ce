"""Measure classifier: label each claim ``industry``, ``employment``, ``consumption``,
``social_mobilisation`` or ``other``, with a calibrated confidence.

``model`` (load_model, apply_model, MeasureModel), ``train`` (textmine train),
``features`` (what the model sees of a claim), ``corpus`` (corpora/measures/*.jsonl),
``lexicon`` and ``baseline`` (the keyword table and the keyword baseline).
Nothing here is imported by ``import textmine``; the model loads on first use.
"""
