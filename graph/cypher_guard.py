"""Refusing researcher Cypher that would write, change the schema or administer the server.

This is the first of two locks, there to give a clear message before anything is sent: the
text (comments, strings and backquoted names removed) must not contain a writing clause, a
schema or admin command, ``LOAD CSV``, ``CALL … IN TRANSACTIONS``, ``USE`` or a procedure
outside a short read-only allow-list. The second lock is the server's: the runner sends what
passes in a READ transaction, which Neo4j refuses to write in.
"""

from __future__ import annotations

import re

from graph.research_errors import CypherRefusedError

__all__ = ["ALLOWED_PROCEDURES", "check_read_only"]

#: Procedures a researcher may CALL: they only read the schema or a full-text index.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
    }
)
_ALLOWED_SHOW = ("INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS", "FUNCTION", "FUNCTIONS")

_STRIP = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`", re.DOTALL)
# A keyword, not a property (`n.set`), a parameter (`$create`) or a map key (`{merge: 1}`).
_WORD = r"(?<![.$:\w])({})(?!\w)(?!\s*:(?!:))"
_WRITES = re.compile(
    _WORD.format(
        r"CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|ALTER|RENAME|GRANT|DENY|"
        r"REVOKE|TERMINATE|ENABLE|DEALLOCATE|REALLOCATE|INSERT"
    ),
    re.IGNORECASE,
)
_LOAD = re.compile(_WORD.format("LOAD"), re.IGNORECASE)
_IN_TRANSACTIONS = re.compile(r"\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", re.I)
_USE = re.compile(r"(?:^|[{}]|\bUNION(?:\s+ALL)?)\s*USE\s+[\w`]", re.IGNORECASE)
_DATABASE_COMMANDS = re.compile(r"(?<![.$\w])(START|STOP)\s+(DATABASE|SERVER)\b", re.IGNORECASE)
_SHOW = re.compile(
    r"(?<![.$\w])SHOW\s+(?:ALL\s+|FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+|"
    r"VECTOR\s+|LOOKUP\s+|UNIQUE\s+|BUILT\s+IN\s+|USER\s+DEFINED\s+)*(\w+)",
    re.IGNORECASE,
)
_CALL = re.compile(r"(?<![.$\w])CALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)

_WHY = {
    "CREATE": "creates nodes, relationships, indexes or constraints",
    "MERGE": "creates nodes or relationships",
    "DELETE": "deletes data",
    "DETACH": "deletes data",
    "SET": "changes properties or labels",
    "REMOVE": "removes properties or labels",
    "DROP": "drops indexes, constraints or databases",
    "FOREACH": "is only used to write",
}


def _refuse(what: str) -> CypherRefusedError:
    return CypherRefusedError(
        f"refused: {what}. `dyad cypher` and the research endpoints only read the graph "
        "(MATCH … RETURN); load data with `dyad load` and restore with `dyad restore`. "
        "Nothing was sent to Neo4j and nothing was written."
    )


def check_read_only(text: str) -> None:
    """Raise ``CypherRefusedError`` with a plain reason unless ``text`` only reads."""
    code = _STRIP.sub(" ", text)
    if not code.strip():
        raise _refuse("the query is empty")
    if ";" in code.strip().rstrip(";"):
        raise _refuse("send one statement at a time (found ';' between statements)")
    if match := _WRITES.search(code):
        word = match.group(1).upper()
        raise _refuse(f"{word} {_WHY.get(word, 'changes the database or its users')}")
    if _LOAD.search(code):
        raise _refuse("LOAD CSV reads files or URLs from the server")
    if _IN_TRANSACTIONS.search(code):
        raise _refuse("CALL … IN TRANSACTIONS commits batches of writes")
    if _USE.search(code):
        raise _refuse("USE switches to another database")
    if match := _DATABASE_COMMANDS.search(code):
        raise _refuse(f"{match.group(0).upper()} administers the server")
    for match in _SHOW.finditer(code):
        if match.group(1).upper() not in _ALLOWED_SHOW:
            raise _refuse(
                f"SHOW {match.group(1).upper()} is an administration command "
                "(SHOW INDEXES, CONSTRAINTS and FUNCTIONS are allowed)"
            )
    for match in _CALL.finditer(code):
        procedure = match.group(1)
        if procedure.lower() not in ALLOWED_PROCEDURES:
            raise _refuse(
                f"procedure {procedure} is not on the read-only list "
                f"({', '.join(sorted(ALLOWED_PROCEDURES))})"
            )
