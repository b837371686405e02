"""Reading research files as they come: plain or zipped, line by line, with their hash.

Lines are read as bytes and decoded one by one, so a bad byte is reported with its line.
A UTF-8 byte-order mark before the first line is dropped; a NUL byte (a binary or UTF-16
file) and a line longer than ``MAX_LINE_BYTES`` are problems of their line.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from loaders.errors import InvalidInputError, Problem

__all__ = ["MAX_LINE_BYTES", "count_lines", "file_sha256", "numbered_lines", "open_binary"]

_CHUNK = 1 << 20
#: No row of these formats comes near this; a longer line is not one of their rows, and is
#: not read into memory whole.
MAX_LINE_BYTES = 1 << 20
_BOM = b"\xef\xbb\xbf"


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
        try:
            member = archive.open(members[0])
        except (RuntimeError, NotImplementedError) as exc:  # encrypted, unknown compression
            raise InvalidInputError(
                [Problem(str(path), 0, "", f"cannot read the file in the zip: {exc}")]
            ) from exc
        with member as handle:
            try:
                yield handle
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # damaged or cut short
                raise InvalidInputError(
                    [Problem(str(path), 0, "", f"the zip is damaged: {exc}")]
                ) from exc


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


def numbered_lines(
    path: Path, problems: list[Problem], max_problems: int = 200
) -> Iterator[tuple[int, str]]:
    """(line number from 1, text without its line ending); bad lines become problems.

    Reading stops at a NUL byte (the file is not text) or at ``max_problems`` problems.
    """
    name = str(path)
    with open_binary(path) as handle:
        number = 0
        while len(problems) < max_problems and (raw := handle.readline(MAX_LINE_BYTES + 1)):
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the line without holding it
                problems.append(
                    Problem(name, number, "", f"the line is longer than {MAX_LINE_BYTES:,} bytes")
                )
                continue
            if number == 1:
                raw = raw.removeprefix(_BOM)
            nul = raw.find(b"\0")
            if nul >= 0:
                problems.append(
                    Problem(
                        name,
                        number,
                        "",
                        f"NUL byte at byte {nul + 1} of the line: a binary or UTF-16 file? "
                        "(save it as UTF-8 text)",
                    )
                )
                return
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(Problem(name, number, "", f"not UTF-8 text ({exc.reason})"))
                continue
            yield number, text.rstrip("\r\n")
