"""What the analytics answers' fields are, beyond their Python types.

The answers are frozen dataclasses; the API makes its GraphQL types from them
(``api/graphql/answer_types.py``), so a field's meaning is written here once:

    mineral: NodeId                              # a node's id (GraphQL ``ID``)
    share: Annotated[float, Doc("The part …")]   # what the field means (its description)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Final

__all__ = ["NODE_ID", "Doc", "NodeId"]


@dataclass(frozen=True)
class Doc:
    """What a field means, for a reader of the answer (its GraphQL description)."""

    text: str


class _NodeIdMark:
    def __repr__(self) -> str:
        return "NODE_ID"


#: The mark of a field that holds a node's id.
NODE_ID: Final = _NodeIdMark()
NodeId = Annotated[str, NODE_ID]
