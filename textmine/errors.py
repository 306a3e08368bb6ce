"""One error hierarchy. Messages say what failed, where, and what to do."""


class TextmineError(Exception):
    """Base of every error textmine raises on purpose."""


class InputError(TextmineError):
    """A file that cannot be read: missing, empty, binary, undecodable."""


class IngestError(InputError):
    """A PDF that cannot be read: encrypted, corrupt, no text layer."""


class ModelError(TextmineError):
    """A model file that is missing, corrupt or from an incompatible version."""


class StoreError(TextmineError):
    """The indicator database cannot be opened or written."""


class ConfigError(TextmineError):
    """Bad options."""


class OutputError(TextmineError):
    """An output file that cannot be written: a directory, no space left, a file size limit."""
