"""The catalog of canned queries: ``queries/research/*.cypher`` and their headers.

A canned query starts with a header of ``//`` lines, then its Cypher::

    // title: Controls in force on a date
    // description: Policies issued from a country that were in force on a date …
    // description: (more description lines are joined with spaces)
    // param: date date = 2026-01-15 — the day to look at
    // param: issuer string = country:CHN — the issuing country (null for any)
    // example: dyad query controls_in_force --param date=2025-06-01

``param`` reads ``NAME TYPE [= DEFAULT] — DESCRIPTION``. Types are ``string``, ``integer``,
``float``, ``boolean``, ``date`` (``YYYY-MM-DD``) and ``list`` (of strings, comma-separated on
the command line). A default of ``null`` passes null; a parameter without a default must be
given. Every parameter the Cypher uses is declared, and every declared one is used (a test).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, LiteralString

import queries
from graph.research_errors import BadParameterError, CatalogError, UnknownQueryError

__all__ = ["PARAM_TYPES", "CannedQuery", "Parameter", "canned", "catalog"]

FOLDER = "research"
PARAM_TYPES = ("string", "integer", "float", "boolean", "date", "list")
_HEADER = re.compile(r"^//\s*(title|description|param|example):\s?(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)(?:\s*=\s*(\S+))?\s+(?:—|--)\s+(.+)$")
_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


@dataclass(frozen=True)
class Parameter:
    """One ``$parameter`` of a canned query."""

    name: str
    type: str
    description: str
    required: bool
    default: Any = None

    def coerce(self, raw: Any) -> Any:
        """``raw`` (text from a command line or URL, or a JSON value) as this parameter's type."""
        if raw is None or raw == "null":
            return None
        try:
            return _COERCE[self.type](raw)
        except (TypeError, ValueError) as exc:
            raise BadParameterError(
                f"parameter {self.name!r} must be {_ARTICLE[self.type]} {self.type}"
                f"{_HINT[self.type]}; got {raw!r}",
                parameter=self.name,
            ) from exc

    def as_dict(self) -> dict[str, Any]:
        default = self.default.isoformat() if isinstance(self.default, dt.date) else self.default
        return {
            "name": self.name,
            "type": self.type,
            "default": default,
            "description": self.description,
        }


@dataclass(frozen=True)
class CannedQuery:
    """A named, documented, parameterised read query researchers can run."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    example: str
    text: LiteralString

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Every parameter's value: the given ones coerced, defaults for the rest."""
        known = {p.name: p for p in self.parameters}
        for name in given:
            if name not in known:
                raise BadParameterError(
                    f"{self.name} has no parameter {name!r}; it takes {', '.join(known) or 'none'}",
                    parameter=name,
                )
        values: dict[str, Any] = {}
        for param in self.parameters:
            if param.name in given:
                values[param.name] = param.coerce(given[param.name])
            elif param.required:
                raise BadParameterError(
                    f"{self.name} needs parameter {param.name!r} ({param.type}: "
                    f"{param.description})",
                    parameter=param.name,
                )
            else:
                values[param.name] = param.default
        return values

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [p.as_dict() for p in self.parameters],
            "example": self.example,
        }


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ValueError(raw)


def _integer(raw: Any) -> int:
    if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
        raise ValueError(raw)
    return int(raw)


def _float(raw: Any) -> float:
    if isinstance(raw, bool):
        raise ValueError(raw)
    return float(raw)


def _date(raw: Any) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    return dt.date.fromisoformat(str(raw).strip())


def _list(raw: Any) -> list[str]:
    if isinstance(raw, list | tuple):
        return [str(item) for item in raw]
    if not isinstance(raw, str):
        raise TypeError(raw)
    return [item.strip() for item in raw.split(",") if item.strip()]


def _string(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError(raw)
    return raw


_COERCE = {
    "string": _string,
    "integer": _integer,
    "float": _float,
    "boolean": _boolean,
    "date": _date,
    "list": _list,
}
_ARTICLE = {t: "an" if t == "integer" else "a" for t in PARAM_TYPES}
_HINT = {
    "string": "",
    "integer": "",
    "float": "",
    "boolean": " (true or false)",
    "date": " (YYYY-MM-DD)",
    "list": " (comma-separated)",
}


def _parse(name: str, text: LiteralString) -> CannedQuery:
    where = f"queries/{FOLDER}/{name}.cypher"
    fields: dict[str, list[str]] = {"title": [], "description": [], "example": []}
    params: list[Parameter] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER.match(line.strip())
        if not line.strip().startswith("//"):
            break
        if match is None:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            params.append(_parse_param(value, f"{where}:{number}"))
        else:
            fields[key].append(value)
    for key in ("title", "description", "example"):
        if not fields[key]:
            raise CatalogError(f"{where}: the header has no '// {key}:' line")
    return CannedQuery(
        name=name,
        title=" ".join(fields["title"]),
        description=" ".join(fields["description"]),
        parameters=tuple(params),
        example=" ".join(fields["example"]),
        text=text,
    )


def _parse_param(value: str, where: str) -> Parameter:
    match = _PARAM.match(value)
    if match is None:
        raise CatalogError(f"{where}: expected 'param: NAME TYPE [= DEFAULT] — DESCRIPTION'")
    name, kind, default_text, description = match.groups()
    if kind not in PARAM_TYPES:
        raise CatalogError(f"{where}: type {kind!r} is not one of {', '.join(PARAM_TYPES)}")
    param = Parameter(name, kind, description.strip(), required=default_text is None)
    if default_text is None:
        return param
    try:
        default = param.coerce(default_text)
    except BadParameterError as exc:
        raise CatalogError(f"{where}: bad default: {exc}") from exc
    return Parameter(name, kind, description.strip(), required=False, default=default)


@cache
def catalog() -> dict[str, CannedQuery]:
    """Every canned query by name, in name order."""
    prefix = FOLDER + "/"
    names = [n[len(prefix) :] for n in queries.all_names(fragments=False) if n.startswith(prefix)]
    return {name: _parse(name, queries.load(prefix + name)) for name in names}


def canned(name: str) -> CannedQuery:
    """The canned query ``name``; ``UnknownQueryError`` names the known ones."""
    found = catalog().get(name)
    if found is None:
        raise UnknownQueryError(name, list(catalog()))
    return found
