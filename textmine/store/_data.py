"""Read the store's data tables (``textmine/data/*.toml``) once per call site that asks."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=None)
def load_table(name: str) -> dict[str, Any]:
    """The parsed TOML table ``textmine/data/<name>.toml`` (read-only; do not mutate)."""
    path = DATA_DIR / f"{name}.toml"
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as e:
        raise ConfigError(f"{path}: data table missing; reinstall textmine") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from e
