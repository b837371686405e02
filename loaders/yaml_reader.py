"""Reading corpus YAML into items that remember their file and lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from loaders.errors import Problem

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "RawItem", "read_yaml_items"]

MAX_FILE_BYTES = 20 * 1024 * 1024
#: Corpus files nest five levels deep; far deeper nesting would exhaust Python's stack.
MAX_DEPTH = 50


@dataclass(frozen=True)
class RawItem:
    """One list item of a corpus file: its kind (the list's key), its data, and its lines."""

    file: str
    kind: str
    line: int
    data: dict[str, Any]
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, field_name: object) -> int:
        return self.field_lines.get(str(field_name), self.line)


class _Loader(yaml.SafeLoader):
    """Safe YAML without aliases (no alias bombs, and every value is written where it is used)
    and no deeper than ``MAX_DEPTH`` (no stack overflow).

    Dates stay text, so that the schema reads them, and reports a bad one with its field.
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML reads it from the class)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in corpus files", event.start_mark
            )
        if self.depth >= MAX_DEPTH:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, f"nested deeper than {MAX_DEPTH} levels", event.start_mark
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def read_yaml_items(path: Path, kinds: frozenset[str]) -> tuple[list[RawItem], list[Problem]]:
    """Parse one corpus file. Returns the items, and the problems found (then no items)."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem(name, 0, "", f"cannot read the file: {exc.strerror or exc}")]
    if len(raw) > MAX_FILE_BYTES:
        return [], [Problem(name, 0, "", f"file is larger than {MAX_FILE_BYTES} bytes")]
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        return [], [Problem(name, line, "", "NUL byte in the file: is it binary?")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [
            Problem(name, line, "", f"not UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start})")
        ]
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark else 0
        column = int(mark.column) + 1 if mark else None
        return [], [Problem(name, line, "", f"invalid YAML: {exc.problem or exc}", column)]
    except yaml.YAMLError as exc:
        return [], [Problem(name, 0, "", f"invalid YAML: {exc}")]
    if root is None:
        return [], []
    if not isinstance(root, MappingNode):
        return [], [
            Problem(name, _line(root), "", "the top level must be a mapping of kinds to lists")
        ]

    items: list[RawItem] = []
    problems: list[Problem] = []
    seen_kinds: set[str] = set()
    for key_node, value_node in root.value:
        kind = key_node.value if isinstance(key_node, ScalarNode) else "?"
        if kind not in kinds:
            problems.append(
                Problem(
                    name,
                    _line(key_node),
                    "",
                    f"unknown kind {kind!r}; expected one of {', '.join(sorted(kinds))}",
                )
            )
            continue
        if kind in seen_kinds:
            problems.append(
                Problem(name, _line(key_node), "", f"{kind!r} appears twice at the top level")
            )
            continue
        seen_kinds.add(kind)
        if isinstance(value_node, ScalarNode) and value_node.value in ("", "~", "null"):
            continue
        if not isinstance(value_node, SequenceNode):
            problems.append(Problem(name, _line(value_node), kind, "must be a list of items"))
            continue
        for item_node in value_node.value:
            item, item_problems = _read_item(name, kind, item_node)
            problems.extend(item_problems)
            if item is not None:
                items.append(item)
    return ([], problems) if problems else (items, [])


def _read_item(name: str, kind: str, node: Node) -> tuple[RawItem | None, list[Problem]]:
    if not isinstance(node, MappingNode):
        return None, [Problem(name, _line(node), kind, "each item must be a mapping of fields")]
    field_lines: dict[str, int] = {}
    problems: list[Problem] = []
    for key_node, _ in node.value:
        key = str(key_node.value)
        if key in field_lines:
            problems.append(Problem(name, _line(key_node), kind, f"field {key!r} appears twice"))
        field_lines[key] = _line(key_node)
    if problems:
        return None, problems
    constructor = _Loader("")
    try:
        data = constructor.construct_mapping(node, deep=True)
    except yaml.MarkedYAMLError as exc:  # a tag PyYAML's safe loader refuses
        mark = exc.problem_mark or exc.context_mark or node.start_mark
        message = f"invalid value: {exc.problem or exc.context}"
        return None, [Problem(name, mark.line + 1, kind, message, mark.column + 1)]
    except (yaml.YAMLError, ValueError) as exc:  # a number of more than 4300 digits
        key, line = _failing_field(node)
        reason = str(exc).split(";")[0]
        return None, [Problem(name, line, kind, f"invalid value of {key!r}: {reason}")]
    finally:
        constructor.dispose()
    for field_name, value in data.items():
        if _holds_nul(value):
            line = field_lines.get(str(field_name), _line(node))
            message = f"field {field_name!r} holds a NUL character"
            return None, [Problem(name, line, kind, message)]
    return RawItem(name, kind, _line(node), {str(k): v for k, v in data.items()}, field_lines), []


def _failing_field(node: MappingNode) -> tuple[str, int]:
    """The first field of ``node`` whose value cannot be constructed, and its line."""
    for key_node, value_node in node.value:
        constructor = _Loader("")
        try:
            constructor.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError):
            return str(key_node.value), _line(key_node)
        finally:
            constructor.dispose()
    return "?", _line(node)


def _holds_nul(value: Any) -> bool:
    """A NUL character written as an escape (``"\\0"``), which the byte check cannot see."""
    if isinstance(value, str):
        return "\0" in value
    if isinstance(value, list | tuple):
        return any(_holds_nul(v) for v in value)
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    return False
