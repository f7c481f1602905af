"""Reading the data files that ship in the package (lexicons, patterns, gazetteers).

YAML is parsed with libyaml's C loader when PyYAML has it: the pure-Python loader takes
seconds on the knowledge base, and start-up time is part of the product.
"""

from __future__ import annotations

from importlib import resources
from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream: str | bytes | IO) -> Any:
    """``yaml.safe_load``, with the C loader when available."""
    return yaml.load(stream, Loader=_LOADER)


def read_yaml(package: str, path: str) -> Any:
    """A YAML data file of ``package`` (e.g. ``read_yaml("marsad.text", "data/x.yaml")``)."""
    with resources.files(package).joinpath(path).open(encoding="utf-8") as f:
        return load_yaml(f)
