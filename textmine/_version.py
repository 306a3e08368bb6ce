"""The version of textmine (read by pyproject.toml, the CLI, model cards and the database)."""

__version__ = "0.1.0"
