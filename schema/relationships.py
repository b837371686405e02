"""The pydantic model of a relationship: its ends, its type, its provenance and its measures."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from schema.provenance import NodeId, Provenance
from schema.vocabulary import Label, RelType, is_allowed, label_for_id

__all__ = ["Relationship"]

Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{0,120}$")]


class Relationship(Provenance):
    """``(start)-[:type]->(end)`` with provenance.

    ``key`` tells apart parallel relationships of one type between the same two nodes (one per
    year of an import share, one per mention in a text); it is empty for most.
    """

    start: NodeId
    type: RelType
    end: NodeId
    key: Key = ""
    # measures some types carry
    intensity: float | None = Field(default=None, ge=0.0, le=1.0)
    share: float | None = Field(default=None, ge=0.0, le=1.0)
    year: int | None = Field(default=None, ge=1900, le=2100)
    mineral: NodeId | None = None
    role: Annotated[str, StringConstraints(max_length=200)] | None = None
    note: Annotated[str, StringConstraints(max_length=2000)] | None = None
    start_char: int | None = Field(default=None, ge=0)
    end_char: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _pattern_allowed(self) -> Relationship:
        start_label = _label_of(self.start, "start")
        end_label = _label_of(self.end, "end")
        if not is_allowed(start_label, self.type, end_label):
            raise ValueError(
                f"({start_label})-[:{self.type}]->({end_label}) is not an allowed pattern"
            )
        if self.mineral is not None and label_for_id(self.mineral) is not Label.MINERAL:
            raise ValueError(f"mineral {self.mineral!r} is not a mineral id")
        return self

    @property
    def start_label(self) -> Label:
        return _label_of(self.start, "start")

    @property
    def end_label(self) -> Label:
        return _label_of(self.end, "end")

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """What makes this relationship one: its ends, type and key."""
        return (self.start, self.type.value, self.end, self.key)

    def properties(self) -> dict[str, Any]:
        """Properties stored on the relationship in Neo4j (ends and type are structure)."""
        raw = self.model_dump(mode="python", exclude_none=True, exclude={"start", "type", "end"})
        return {
            key: (list(value) if isinstance(value, tuple) else getattr(value, "value", value))
            for key, value in raw.items()
        }


def _label_of(node_id: str, end: str) -> Label:
    label = label_for_id(node_id)
    if label is None:
        raise ValueError(f"{end} {node_id!r} does not name a known kind of node")
    return label
