"""Reading research files as they come: plain or zipped, line by line, with their hash.

Lines are read as bytes and decoded one by one, so a bad byte is reported with its line.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from loaders.errors import InvalidInputError, Problem

__all__ = ["count_lines", "file_sha256", "numbered_lines", "open_binary"]

_CHUNK = 1 << 20


@contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """The file's bytes; a ``.zip`` must hold exactly one file, which is read instead."""
    if not path.is_file():
        raise InvalidInputError([Problem(str(path), 0, "", "no such file")])
    if path.suffix.lower() != ".zip":
        with path.open("rb") as handle:
            yield handle
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InvalidInputError([Problem(str(path), 0, "", f"not a zip file: {exc}")]) from exc
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) != 1:
            raise InvalidInputError(
                [Problem(str(path), 0, "", f"a zip must hold one file, not {len(members)}")]
            )
        with archive.open(members[0]) as handle:
            yield handle


def count_lines(path: Path) -> int:
    """How many lines the file (or the file in the zip) has, for the progress bar."""
    count = 0
    last = b"\n"
    with open_binary(path) as handle:
        while chunk := handle.read(_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (0 if last == b"\n" else 1)


def file_sha256(path: Path) -> str:
    """The SHA-256 of the content (of the file inside, when zipped: same data, same hash)."""
    digest = hashlib.sha256()
    with open_binary(path) as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def numbered_lines(path: Path, problems: list[Problem]) -> Iterator[tuple[int, str]]:
    """(line number from 1, text without its line ending); undecodable lines become problems."""
    with open_binary(path) as handle:
        for number, raw in enumerate(handle, 1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(Problem(str(path), number, "", f"not UTF-8 text ({exc.reason})"))
                continue
            yield number, text.rstrip("\r\n")
