"""Agreement files in and out: reading (every problem at once, with its path), writing, and
the file format's JSON Schema.

>>> from iop_model.files import load
>>> load("examples/molndal-konstkollektivet.toml").agreements[0].id
'molndal-konstkollektivet-2019'
"""

from .loader import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    FORMAT_VERSION,
    Format,
    check,
    dump,
    dumps,
    expand,
    load,
    load_all,
    loads,
    schema,
    to_data,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "FORMAT_VERSION",
    "Format",
    "check",
    "dump",
    "dumps",
    "expand",
    "load",
    "load_all",
    "loads",
    "schema",
    "to_data",
]
