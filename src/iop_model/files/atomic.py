"""Writing a file whole or not at all: to a temporary file in the same folder, renamed into
place only once everything is written. A write that fails half-way (a full disk, a file size
limit) leaves the old file as it was and no temporary file behind.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> replace_atomically(folder / "report.txt", lambda out: out.write(b"Uppf\\xc3\\xb6ljning"))
>>> (folder / "report.txt").read_text(encoding="utf-8")
'Uppföljning'
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from iop_model.errors import FileError, Problem

__all__ = ["replace_atomically"]


def replace_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` with a binary file to fill, then put it at ``path`` in one rename.

    Raises :class:`~iop_model.errors.FileError` naming ``path`` when the folder is missing,
    ``path`` is a folder, or the writing fails; the file at ``path`` is then unchanged.
    """
    target = Path(path)
    if target.is_dir():
        raise FileError(str(target), (Problem("", "cannot write the file: it is a folder"),))
    folder = target.parent
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.part"
    try:
        # O_EXCL: never another file of that name; mode 0o666 less the user's umask, as for
        # any new file (the umask itself is not touched: it is the process's)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise FileError(
            str(target), (Problem("", f"cannot write the file: {_reason(error)}"),)
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)  # keep the old file's mode
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise FileError(
            str(target), (Problem("", f"cannot write the file: {_reason(error)}"),)
        ) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
