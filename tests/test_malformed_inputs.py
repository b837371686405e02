"""Malformed input, every loader: refused through the command line with its place (file,
line, column or field), exit code 2, and a graph that holds data left exactly as it was.

``CASES`` is the catalogue: truncated files, wrong encodings, NUL bytes, huge fields, wrong
column counts, dates out of range, dangling references, duplicate ids and Cypher or label
injection where it cannot be data, for the corpus YAML, GDELT, POLECAT, Comtrade,
restriction inventories and article text. What looks malformed but is not (a UTF-8 BOM,
Cypher in a name) has its own tests at the end: it loads, verbatim, and changes nothing else.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from api.cli import main
from graph import Fingerprint, GraphClient, fingerprint, migrate
from loaders import load_corpus
from loaders.article import article_text_from_bytes
from loaders.research_data import load_gdelt
from tests.conftest import ROOT, _DatabaseState
from tests.research_rows import gdelt_row

DATA = ROOT / "tests" / "data" / "research"
WORLD = DATA / "synthetic_world.yaml"
MB10 = 10_000_000


# -- the well-formed inputs each case breaks -------------------------------------------------

POLICY = """policies:
  - id: policy:p
    name: P
    policy_type: export_control
    summary: S
    announced: 2025-04-04
    sources: [source:synthetic]
"""
RELATIONSHIP = """relationships:
  - start: policy:test-ree
    type: RESTRICTS
    end: mineral:Ce
    sources: [source:synthetic]
    confidence: 1.0
    status: confirmed
"""

GDELT = [gdelt_row(9000 + n, f"2025040{n}", "CHN", "JPN", "010", 1, 0.0, 1.0, 3) for n in (1, 2, 3)]

POLECAT_HEADER = (
    "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name"
    "\tActor Country\tRecipient Name\tRecipient Country\tHeadline\tSource"
)
POLECAT = [
    POLECAT_HEADER,
    "MAL-1\t2025-04-04\tSANCTION\tdiscontinue\t-6\tMATERIAL CONFLICT\teconomic"
    "\tMinistry of Commerce\tCHN\tJapan\tJPN\tHeadline one\tsynthetic",
    "MAL-2\t2025-04-05\tACCUSE\tdisapprove\t-2\t3\tdiplomatic\tSanae Takaichi\tJPN\tChina\tCHN"
    "\tHeadline two\tsynthetic",
]

COMTRADE = [
    "typeCode,freqCode,refYear,period,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,"
    "cmdCode,classificationCode,primaryValue,netWgt",
    "C,A,2024,2024,392,JPN,M,156,CHN,280530,H6,500,50",
    "C,A,2024,2024,392,JPN,M,704,VNM,280530,H6,200,20",
]

RESTRICTIONS = [
    "country_iso3,hs6,product,measure_type,value,unit,start_date,end_date,legal_basis,"
    "destination_scope,source_url",
    "CHN,280530,Rare-earth metals,export tax,25,% ad valorem,2015-01-01,2015-05-01,"
    "Synthetic tariff notice,all,https://example.org/synthetic/inventory",
    "CHN,282560,Germanium oxides,licensing,,,2023-08-01,,Synthetic licensing rule,JPN;USA,"
    "https://example.org/synthetic/inventory",
]

ARTICLE = (
    "China tightened export controls on dysprosium.\n"
    "Japan said it was concerned.\n"
    "The Ministry of Commerce in Beijing replied.\n"
)


def lines(rows: list[str]) -> bytes:
    return ("\n".join(rows) + "\n").encode()


def with_field(rows: list[str], line: int, column: int, value: str, sep: str = "\t") -> list[str]:
    """``rows`` with the field at (1-based) ``line`` and ``column`` set to ``value``."""
    fields = rows[line - 1].split(sep)
    fields[column - 1] = value
    return [*rows[: line - 1], sep.join(fields), *rows[line:]]


def csv_field(rows: list[str], line: int, column: int, value: str) -> list[str]:
    return with_field(rows, line, column, value, ",")


def cut_inside(text: str, char: str) -> bytes:
    """``text`` as UTF-8, cut after the first byte of ``char`` (a multi-byte character)."""
    data = text.encode()
    return data[: data.index(char.encode()) + 1]


def zipped(content: bytes, *, damage: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("20250404000000.export.CSV", content)
    data = bytearray(buffer.getvalue())
    if damage:  # one byte of the stored member changed: its CRC no longer matches
        data[data.index(b"9002")] = ord("8")
    return bytes(data)


# -- the catalogue ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    loader: str
    name: str  # the file's name, which the message must give
    data: bytes | Callable[[], bytes]  # a callable for the large ones: made when run
    expected: str  # how the first problem line starts: place and reason
    args: tuple[str, ...] = ()

    def argv(self, path: Path) -> list[str]:
        if self.loader == "corpus":
            return ["load", *self.args, str(path)]
        if self.loader == "article":
            return ["load-article", str(path), *self.args]
        return ["load", "--format", self.loader, *self.args, str(path)]


def corpus(id: str, data: bytes | Callable[[], bytes], expected: str) -> Case:
    return Case(id, "corpus", "corpus.yaml", data, expected)


def gdelt(
    id: str, data: bytes | Callable[[], bytes], expected: str, *, actors: bool = True
) -> Case:
    args = ("--actors", "CHN,JPN") if actors else ()
    return Case(id, "gdelt", "gdelt.tsv", data, expected, args)


def polecat(id: str, data: bytes | Callable[[], bytes], expected: str) -> Case:
    return Case(id, "polecat", "polecat.tsv", data, expected, ("--actors", "CHN,JPN"))


def comtrade(id: str, data: bytes | Callable[[], bytes], expected: str) -> Case:
    return Case(id, "comtrade", "comtrade.csv", data, expected)


def restrictions(id: str, data: bytes | Callable[[], bytes], expected: str) -> Case:
    return Case(id, "restrictions", "restrictions.csv", data, expected)


def article(id: str, data: bytes, expected: str, *args: str) -> Case:
    return Case(id, "article", "article.txt", data, expected, args)


CASES: list[Case] = [
    # corpus YAML (the 23 cases of test_loader.py are not repeated here)
    corpus(
        "yaml cut mid flow mapping",
        b"countries:\n  - {id: country:KOR, name: Korea, iso3: KOR, sources: [source:synth",
        "corpus.yaml:2:69: invalid YAML: expected ',' or ']', but got '<stream end>'",
    ),
    corpus(
        "yaml cut mid block mapping",
        POLICY.encode()[:60],
        "corpus.yaml:2: policy:p: missing field 'announced'",
    ),
    corpus(
        "yaml cut mid UTF-8 sequence",
        cut_inside(POLICY.replace("name: P", "name: 東京"), "東"),
        "corpus.yaml:3: not UTF-8 (byte 0xe6 at offset 37)",
    ),
    corpus("yaml UTF-16", POLICY.encode("utf-16"), "corpus.yaml:1: NUL byte in the file"),
    corpus(
        "yaml Windows-1252 quotes",
        POLICY.replace("summary: S", "summary: “S”").encode("cp1252"),
        "corpus.yaml:5: not UTF-8 (byte 0x93 at offset 84)",
    ),
    corpus(
        "yaml NUL written as an escape",
        POLICY.replace("name: P", 'name: "P\\0Q"').encode(),
        "corpus.yaml:3: policies: field 'name' holds a NUL character",
    ),
    corpus(
        "yaml 10 MB name",
        lambda: POLICY.replace("name: P", "name: " + "A" * MB10).encode(),
        "corpus.yaml:3: policy:p: name: String should have at most 300 characters",
    ),
    corpus(
        "yaml file over 20 MB",
        lambda: POLICY.encode() + b"# " + b"x" * (21 * 1024 * 1024) + b"\n",
        "corpus.yaml:0: file is larger than 20971520 bytes",
    ),
    corpus(
        "yaml nested 20,000 deep",
        b"countries:\n  - {id: country:KOR, name: " + b"[" * 20_000 + b"]" * 20_000 + b"}\n",
        "corpus.yaml:2:76: invalid YAML: nested deeper than 50 levels",
    ),
    corpus(
        "yaml number of 5,000 digits",
        RELATIONSHIP.replace("confidence: 1.0", "confidence: " + "9" * 5000).encode(),
        "corpus.yaml:6: relationships: invalid value of 'confidence': Exceeds the limit",
    ),
    corpus(
        "yaml python tag",
        POLICY.replace("name: P", "name: !!python/object/apply:os.system [id]").encode(),
        "corpus.yaml:3:11: policies: invalid value: could not determine a constructor",
    ),
    corpus(
        "yaml event date out of range",
        b"events:\n  - id: event:e\n    name: E\n    event_type: meeting\n"
        b"    date: 1799-12-31\n    sources: [source:synthetic]\n",
        "corpus.yaml:5: event:e: date: date out of range 1800..2100: '1799-12-31'",
    ),
    corpus(
        "yaml valid_to before valid_from",
        RELATIONSHIP.replace(
            "status: confirmed",
            "status: confirmed\n    valid_from: 2025-01-01\n    valid_to: 2024-01-01",
        ).encode(),
        "corpus.yaml:2: policy:test-ree -[RESTRICTS]-> mineral:Ce: valid_to is before valid_from",
    ),
    corpus(
        "yaml dangling mineral",
        b"relationships:\n  - {start: country:JPN, type: IMPORTS_FROM, end: country:CHN, key: x,"
        b" mineral: mineral:unobtainium, sources: [source:synthetic], confidence: 0.5,"
        b" status: reported}\n",
        "corpus.yaml:2: country:JPN -[IMPORTS_FROM]-> country:CHN: unknown mineral 'mineral:unobtainium'",
    ),
    corpus(
        "yaml dangling source of a relationship",
        RELATIONSHIP.replace("[source:synthetic]", "[source:synthetic, source:gone]").encode(),
        "corpus.yaml:5: policy:test-ree -[RESTRICTS]-> mineral:Ce: unknown source 'source:gone'",
    ),
    corpus(
        "yaml duplicate id in one file",
        (POLICY + POLICY.removeprefix("policies:\n")).encode(),
        "corpus.yaml:8: policy:p: duplicate id; first defined at ",
    ),
    corpus(
        "yaml kind twice",
        (POLICY + POLICY).encode(),
        "corpus.yaml:8: 'policies' appears twice at the top level",
    ),
    corpus(
        "yaml id missing",
        POLICY.replace("id: policy:p", "id:").encode(),
        "corpus.yaml:2: Policy without id: id: Input should be a valid string",
    ),
    corpus(
        "yaml Cypher in a relationship type",
        RELATIONSHIP.replace(
            "type: RESTRICTS", 'type: "RESTRICTS]->(m) DETACH DELETE m //"'
        ).encode(),
        "corpus.yaml:3: policy:test-ree -[RESTRICTS]->(m) DETACH DELETE m //]-> mineral:Ce: type: Input should be",
    ),
    corpus(
        "yaml label injection in a type",
        RELATIONSHIP.replace("type: RESTRICTS", 'type: "RESTRICTS`:Evil"').encode(),
        "corpus.yaml:3: policy:test-ree -[RESTRICTS`:Evil]-> mineral:Ce: type: Input should be",
    ),
    corpus(
        "yaml label injection in a kind",
        POLICY.replace("policies:", '"policies`:Evil":').encode(),
        "corpus.yaml:1: unknown kind 'policies`:Evil'",
    ),
    corpus(
        "yaml Cypher in a reference",
        RELATIONSHIP.replace(
            "start: policy:test-ree", 'start: "policy:test-ree\'}) DETACH DELETE n //"'
        ).encode(),
        "corpus.yaml:2: policy:test-ree'}) DETACH DELETE n // -[RESTRICTS]-> mineral:Ce: start: String should match pattern",
    ),
    corpus(
        "yaml label injection in a field name",
        POLICY.replace("name: P", 'name: P\n    "x`:Evil": 1').encode(),
        "corpus.yaml:4: policy:p: unknown field 'x`:Evil'",
    ),
    # GDELT 2.0 events (61 tab-separated columns, no header)
    gdelt(
        "gdelt cut mid row",
        lines(GDELT[:2]) + GDELT[2].encode()[:60],
        "gdelt.tsv:3: expected 61 tab-separated columns (GDELT 2.0), found 18",
    ),
    gdelt(
        "gdelt cut mid UTF-8 sequence",
        cut_inside("\n".join(with_field(GDELT, 3, 7, "東京")), "東"),
        "gdelt.tsv:3: not UTF-8 text (unexpected end of data)",
    ),
    gdelt(
        "gdelt UTF-16",
        lines(GDELT).decode().encode("utf-16"),
        "gdelt.tsv:1: NUL byte at byte 4 of the line: a binary or UTF-16 file?",
    ),
    gdelt(
        "gdelt Latin-1 name",
        lines(with_field(GDELT, 2, 7, "PÉKIN")).decode().encode("latin-1"),
        "gdelt.tsv:2: not UTF-8 text (invalid continuation byte)",
    ),
    gdelt(
        "gdelt NUL byte",
        lines(with_field(GDELT, 2, 7, "CH\0INA")),
        "gdelt.tsv:2: NUL byte at byte 40 of the line: a binary or UTF-16 file?",
    ),
    gdelt(
        "gdelt 10 MB field",
        lambda: lines(with_field(GDELT, 2, 7, "A" * MB10)),
        "gdelt.tsv:2: the line is longer than 1,048,576 bytes",
    ),
    gdelt(
        "gdelt 62 columns",
        lines([GDELT[0], GDELT[1] + "\textra", GDELT[2]]),
        "gdelt.tsv:2: expected 61 tab-separated columns (GDELT 2.0), found 62",
    ),
    gdelt(
        "gdelt date out of range",
        lines(with_field(GDELT, 2, 2, "30250101")),
        "gdelt.tsv:2:2: date: date out of range 1800..2100: '3025-01-01'",
    ),
    gdelt(
        "gdelt impossible date",
        lines(with_field(GDELT, 2, 2, "20250230")),
        "gdelt.tsv:2:2: SQLDATE: '20250230' is not a real date",
    ),
    gdelt(
        "gdelt duplicate GLOBALEVENTID",
        lines(with_field(GDELT, 3, 1, "9001")),
        "gdelt.tsv:3:1: GLOBALEVENTID 9001 appears twice (first at line 1)",
    ),
    gdelt(
        "gdelt Cypher in GLOBALEVENTID",
        lines(with_field(GDELT, 2, 1, "1'}) DETACH DELETE n //")),
        'gdelt.tsv:2:1: GLOBALEVENTID: "1\'}) DETACH DELETE n //" is not a number',
    ),
    gdelt(
        "gdelt Cypher in a country code",
        lines(with_field(GDELT, 2, 8, "JPN'}) DETACH DELETE n //")),
        "gdelt.tsv:2:8: actor_country: String should match pattern '^[A-Z]{3}$'",
        actors=False,
    ),
    gdelt(
        "gdelt label injection in a CAMEO code",
        lines(with_field(GDELT, 2, 27, "010`:Evil")),
        "gdelt.tsv:2:27: cameo_code: String should match pattern",
    ),
    gdelt("gdelt empty file", b"", "gdelt.tsv:0: the file is empty (cut short?)"),
    Case(
        "gdelt zip cut short",
        "gdelt",
        "gdelt.export.CSV.zip",
        zipped(lines(GDELT))[:300],
        "gdelt.export.CSV.zip:0: not a zip file",
        ("--actors", "CHN,JPN"),
    ),
    Case(
        "gdelt zip damaged",
        "gdelt",
        "gdelt.export.CSV.zip",
        zipped(lines(GDELT), damage=True),
        "gdelt.export.CSV.zip:0: the zip is damaged: Bad CRC-32",
        ("--actors", "CHN,JPN"),
    ),
    # POLECAT (tab-separated, with a header)
    polecat(
        "polecat cut mid row",
        lines(POLECAT[:2]) + POLECAT[2].encode()[:30],
        "polecat.tsv:3:5: 4 fields but the header names 13 (cut short?)",
    ),
    polecat(
        "polecat cut mid header",
        POLECAT_HEADER.encode()[:25],
        "polecat.tsv:1: the header lacks required columns (eventtype, actorcountry, recipientcountry)",
    ),
    polecat(
        "polecat UTF-16",
        lines(POLECAT).decode().encode("utf-16-le"),
        "polecat.tsv:1: NUL byte at byte 2 of the line: a binary or UTF-16 file?",
    ),
    polecat(
        "polecat Latin-1 headline",
        lines(with_field(POLECAT, 3, 12, "Pékin répond")).decode().encode("latin-1"),
        "polecat.tsv:3: not UTF-8 text (invalid continuation byte)",
    ),
    polecat(
        "polecat NUL byte",
        lines(with_field(POLECAT, 3, 12, "a\0b")),
        "polecat.tsv:3: NUL byte at byte 82 of the line",
    ),
    polecat(
        "polecat 10 MB headline",
        lambda: lines(with_field(POLECAT, 3, 12, "A" * MB10)),
        "polecat.tsv:3: the line is longer than 1,048,576 bytes",
    ),
    polecat(
        "polecat stray field",
        lines([*POLECAT[:2], POLECAT[2] + "\textra"]),
        "polecat.tsv:3:14: 14 fields but the header names 13 (a stray tab?)",
    ),
    polecat(
        "polecat date out of range",
        lines(with_field(POLECAT, 3, 2, "2525-04-05")),
        "polecat.tsv:3:2: date: date out of range 1800..2100: '2525-04-05'",
    ),
    polecat(
        "polecat duplicate event",
        lines(with_field(with_field(POLECAT, 3, 1, "MAL-1"), 3, 2, "2025-04-04")),
        "polecat.tsv:3:1: the same event as line 2 (event:polecat-2025-04-04-MAL-1)",
    ),
    polecat(
        "polecat intensity out of range",
        lines(with_field(POLECAT, 3, 5, "-99")),
        "polecat.tsv:3:5: intensity: Input should be greater than or equal to -10",
    ),
    polecat("polecat empty file", b"", "polecat.tsv:0: the file is empty (cut short?)"),
    # UN Comtrade CSV
    comtrade(
        "comtrade cut mid row",
        lines(COMTRADE[:2]) + COMTRADE[2].encode()[:20],
        "comtrade.csv:3:7: 6 fields but the header names 13 (cut short?)",
    ),
    comtrade(
        "comtrade blank line before the header",
        b"\n" + lines(COMTRADE),
        "comtrade.csv:1: the header lacks required columns",
    ),
    comtrade(
        "comtrade NUL byte",
        lines(csv_field(COMTRADE, 3, 11, "H\x006")),
        "comtrade.csv:3: NUL byte at byte 41 of the line",
    ),
    comtrade(
        "comtrade 10 MB cell",
        lambda: lines(csv_field(COMTRADE, 3, 11, "H" * MB10)),
        "comtrade.csv:3: the line is longer than 1,048,576 bytes",
    ),
    comtrade(
        "comtrade extra columns",
        lines([*COMTRADE[:2], COMTRADE[2] + ",1,2,3"]),
        "comtrade.csv:3:14: 16 fields but the header names 13 (a stray comma?)",
    ),
    comtrade(
        "comtrade unterminated quote",
        lines([*COMTRADE[:2], COMTRADE[2].replace("H6", '"H6')]),
        "comtrade.csv:3: not valid CSV: unexpected end of data",
    ),
    comtrade(
        "comtrade year out of range",
        lines(csv_field(csv_field(COMTRADE, 3, 3, "3024"), 3, 4, "3024")),
        "comtrade.csv:3:4: year: Input should be less than or equal to 2100",
    ),
    comtrade(
        "comtrade dangling reporter code",
        lines(csv_field(csv_field(COMTRADE, 3, 5, "999"), 3, 6, "")),
        "comtrade.csv:3:5: reporter '999' is neither an ISO3 code nor the M49 code",
    ),
    comtrade(
        "comtrade Cypher in a partner",
        lines(csv_field(csv_field(COMTRADE, 3, 9, "VNM'}) DETACH DELETE n //"), 3, 8, "")),
        'comtrade.csv:3:9: partner "VNM\'}) DETACH DELETE n //" is neither an ISO3 code',
    ),
    # export-restriction inventory CSV
    restrictions(
        "restrictions cut mid row",
        lines(RESTRICTIONS[:2]) + RESTRICTIONS[2].encode()[:14],
        "restrictions.csv:3:4: 3 fields but the header names 11 (cut short?)",
    ),
    restrictions(
        "restrictions Latin-1 product",
        lines(csv_field(RESTRICTIONS, 3, 3, "Oxydes de germanium é")).decode().encode("latin-1"),
        "restrictions.csv:3: not UTF-8 text (invalid continuation byte)",
    ),
    restrictions(
        "restrictions 200 KB cell",
        lines(csv_field(RESTRICTIONS, 3, 9, '"' + "L" * 200_000 + '"')),
        "restrictions.csv:3: not valid CSV: field larger than field limit (131072)",
    ),
    restrictions(
        "restrictions stray commas",
        lines([*RESTRICTIONS[:2], RESTRICTIONS[2] + ",x,y"]),
        "restrictions.csv:3:12: 13 fields but the header names 11 (a stray comma?)",
    ),
    restrictions(
        "restrictions start date out of range",
        lines(csv_field(RESTRICTIONS, 3, 7, "2923-08-01")),
        "restrictions.csv:3:7: announced: date out of range 1800..2100: '2923-08-01'",
    ),
    restrictions(
        "restrictions end before start",
        lines(csv_field(RESTRICTIONS, 3, 8, "2020-01-01")),
        "restrictions.csv:3: ended 2020-01-01 is before announced 2023-08-01",
    ),
    restrictions(
        "restrictions duplicate measure",
        lines([*RESTRICTIONS[:2], RESTRICTIONS[1]]),
        "restrictions.csv:3: the same measure as line 2 (policy:chn-export-tax-280530-2015-01-01)",
    ),
    restrictions(
        "restrictions Cypher in a country",
        lines(csv_field(RESTRICTIONS, 3, 1, "CHN'}) DETACH DELETE n //")),
        'restrictions.csv:3:1: country "CHN\'}) DETACH DELETE n //" is not an ISO3 code',
    ),
    restrictions(
        "restrictions label injection in an HS code",
        lines(csv_field(RESTRICTIONS, 3, 2, "2825`:Evil")),
        "restrictions.csv:3:2: HS code '2825`:Evil' is not 4 to 10 digits",
    ),
    restrictions("restrictions empty file", b"", "restrictions.csv:0: the file is empty"),
    # article text (the 9 cases of test_article_load.py are not repeated here)
    article(
        "article cut mid UTF-8 sequence",
        cut_inside(ARTICLE + "東京", "東"),
        "article.txt:4: not UTF-8: byte 121 (0xe6) cannot be decoded",
    ),
    article(
        "article UTF-16",
        ARTICLE.encode("utf-16"),
        "article.txt:1: contains a NUL byte at byte 3: a binary file, not text",
    ),
    article(
        "article Windows-1252 quotes",
        (ARTICLE + "“We regret it,” he said.\n").encode("cp1252"),
        "article.txt:4: not UTF-8: byte 121 (0x93) cannot be decoded",
    ),
    article(
        "article encoded surrogate",
        ARTICLE.encode() + b"\xed\xa0\x80\n",
        "article.txt:4: not UTF-8: byte 121 (0xed) cannot be decoded",
    ),
    article(
        "article NUL byte",
        (ARTICLE + "Tokyo\0replied.\n").encode(),
        "article.txt:4: contains a NUL byte at byte 126",
    ),
    article(
        "article PNG image",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        "article.txt:3: contains a NUL byte at byte 8",
    ),
    article(
        "article 10 MB",
        b"China and Japan. " * (MB10 // 17),
        "article.txt:0: too large: more than 800,000 bytes",
    ),
    article("article only a BOM", b"\xef\xbb\xbf\n \n", "article.txt:0: the file is empty"),
    article(
        "article date out of range",
        ARTICLE.encode(),
        "article.txt:0: --date: date out of range 1800..2100: '2101-01-01'",
        "--date",
        "2101-01-01",
    ),
    article(
        "article Cypher in the date",
        ARTICLE.encode(),
        "article.txt:0: --date: not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "--date",
        "2025-01-01'}) DETACH DELETE n //",
    ),
    article(
        "article Cypher in the URL",
        ARTICLE.encode(),
        "article.txt:0: --url: not an http(s) URL",
        "--url",
        "https://x.org/a'}) DETACH DELETE n //",
    ),
    article(
        "article title of 301 characters",
        ARTICLE.encode(),
        "article.txt:0: --title: must be 1 to 300 characters",
        "--title",
        "T" * 301,
    ),
]


def test_the_catalogue_covers_every_loader() -> None:
    per_loader = {loader: sum(c.loader == loader for c in CASES) for loader in
                  ("corpus", "gdelt", "polecat", "comtrade", "restrictions", "article")}  # fmt: skip
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)
    assert min(per_loader["corpus"], per_loader["gdelt"]) >= 8, per_loader
    assert min(per_loader["polecat"], per_loader["article"]) >= 6, per_loader
    assert per_loader["comtrade"] + per_loader["restrictions"] >= 6, per_loader


# -- one graph that holds data, shared by every case -------------------------------------------


def _load_world(client: GraphClient) -> Fingerprint:
    client.autocommit("graph/clear")
    migrate(client)
    _DatabaseState.contents = "dirty"
    load_corpus(client, [WORLD])
    load_gdelt(client, [DATA / "synthetic_gdelt_chn_jpn.tsv"], options={"actors": "CHN,JPN"})
    return fingerprint(client)


@pytest.fixture(scope="module")
def world_print(graph_client: GraphClient) -> Fingerprint:
    return _load_world(graph_client)


@pytest.fixture
def world(
    graph_client: GraphClient, world_print: Fingerprint, graph_settings_env: None
) -> tuple[GraphClient, Fingerprint]:
    """The synthetic world and its GDELT events; reloaded only if a test changed them."""
    before = fingerprint(graph_client)
    if before != world_print:
        before = _load_world(graph_client)
    assert before.nodes > 0
    return graph_client, before


#: Cases left out of the fast tier (`make test-fast`): each parses megabytes.
SLOW_CASES = {"yaml 10 MB name"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c.id, marks=[pytest.mark.slow] if c.id in SLOW_CASES else [])
        for c in CASES
    ],
)
def test_malformed_input_is_refused_with_its_place_and_changes_nothing(
    case: Case,
    world: tuple[GraphClient, Fingerprint],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    client, before = world
    path = tmp_path / case.name
    path.write_bytes(case.data() if callable(case.data) else case.data)
    code = main(case.argv(path))
    captured = capsys.readouterr()
    assert code == 2, captured
    assert "Traceback" not in captured.err
    summary, first, *_ = captured.err.splitlines()
    assert summary.endswith("; nothing was written"), captured.err
    assert first.startswith(case.expected), first
    assert fingerprint(client) == before


# -- what looks malformed but is not ----------------------------------------------------------

BOM = b"\xef\xbb\xbf"


def _ids(client: GraphClient) -> set[str]:
    return set(client.read_text("MATCH (n) RETURN collect(n.id) AS ids", {})[0]["ids"])


def _node(client: GraphClient, node_id: str) -> dict[str, object]:
    rows = client.read_text("MATCH (n:Entity {id: $id}) RETURN properties(n) AS p", {"id": node_id})
    assert rows, f"{node_id} was not loaded"
    return dict(rows[0]["p"])


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 0, captured.err


@pytest.mark.slow  # runs every loader: about 1.5 s
def test_a_utf8_bom_is_read_past_by_every_loader(
    world: tuple[GraphClient, Fingerprint], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A BOM is how Excel and Notepad save UTF-8: accepted, and never part of the first field."""
    client, _ = world
    files = {
        "gdelt.tsv": lines(GDELT),
        "polecat.tsv": lines(POLECAT),
        # the first column is one the loader needs: a BOM stuck to its name would lose it
        "comtrade.csv": b"reporterISO,partnerISO,cmdCode,refYear,flowCode,primaryValue\n"
        b"JPN,CHN,280530,2024,M,500\n",
        "restrictions.csv": lines(RESTRICTIONS),
        "corpus.yaml": POLICY.encode(),
        "article.txt": ARTICLE.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(BOM + data)
    for loader in ("gdelt", "polecat", "comtrade", "restrictions"):
        path = tmp_path / next(n for n in files if n.startswith(loader))
        _run(["load", "--format", loader, "--actors", "CHN,JPN", str(path)], capsys)
    _run(["load", str(tmp_path / "corpus.yaml")], capsys)
    _run(["load-article", str(tmp_path / "article.txt")], capsys)

    assert _node(client, "event:gdelt-9001")["dataset_id"] == "9001"
    assert _node(client, "event:polecat-2025-04-04-MAL-1")["dataset_id"] == "MAL-1"
    assert _node(client, "tradeflow:JPN-CHN-M-280530-2024")["reporter"] == "JPN"
    assert ("ISSUED_BY", "country:CHN") in {
        (r["t"], r["m"])
        for r in client.read_text(
            "MATCH (:Policy {id: 'policy:chn-export-tax-280530-2015-01-01'})-[r]->(m) "
            "RETURN type(r) AS t, m.id AS m",
            {},
        )
    }
    assert _node(client, "policy:p")["name"] == "P"
    texts = client.read_text(
        "MATCH (s:Source) WHERE s.text IS NOT NULL RETURN s.text AS text, s.id AS id", {}
    )
    assert [t["text"] for t in texts] == [ARTICLE]  # the same text, and so the same id,
    assert texts[0]["id"] == article_text_from_bytes(ARTICLE.encode(), "a").source_id  # BOM or not


INJECTION = "Japan'}) MATCH (n) DETACH DELETE n //"
BACKTICKS = "`:Evil` {id: 'x'}) SET n:Evil //"


def test_cypher_and_labels_in_names_are_stored_verbatim_and_change_nothing_else(
    world: tuple[GraphClient, Fingerprint], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Names, quotes and titles are data: whatever they hold is stored as written, as values."""
    client, before = world
    ids_before = _ids(client)
    corpus = tmp_path / "corpus.yaml"
    corpus.write_text(
        "leaders:\n"
        "  - id: leader:inj\n"
        f"    name: {json.dumps(INJECTION)}\n"
        f"    aliases: [{json.dumps(BACKTICKS)}]\n"
        f"    description: {json.dumps('MATCH (n) DETACH DELETE n')}\n"
        "    sources: [source:synthetic]\n",
        encoding="utf-8",
    )
    polecat = tmp_path / "polecat.tsv"
    polecat.write_bytes(
        lines(with_field(with_field(POLECAT, 2, 1, "x'}) DETACH DELETE n //"), 2, 8, BACKTICKS))
    )
    inventory = tmp_path / "restrictions.csv"
    inventory.write_bytes(lines(csv_field(RESTRICTIONS, 2, 9, INJECTION)))
    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLE.encode())

    _run(["load", str(corpus)], capsys)
    _run(["load", "--format", "polecat", "--actors", "CHN,JPN", str(polecat)], capsys)
    _run(["load", "--format", "restrictions", str(inventory)], capsys)
    _run(["load-article", str(article), "--title", INJECTION, "--publisher", BACKTICKS], capsys)

    leader = _node(client, "leader:inj")
    assert (leader["name"], leader["aliases"]) == (INJECTION, [BACKTICKS])
    assert leader["description"] == "MATCH (n) DETACH DELETE n"
    event = client.read_text(
        "MATCH (e:Event {dataset: 'polecat', dataset_id: $raw}) RETURN e.id AS id, e.name AS name",
        {"raw": "x'}) DETACH DELETE n //"},
    )
    assert event == [
        {
            "id": "event:polecat-2025-04-04-x-DETACH-DELETE-n",
            "name": f"{BACKTICKS} → Japan: SANCTION",
        }
    ]
    policy = _node(client, "policy:chn-export-tax-280530-2015-01-01")
    assert policy["legal_ref"] == INJECTION
    source = client.read_text(
        "MATCH (s:Source) WHERE s.text IS NOT NULL RETURN s.title AS t, s.publisher AS p", {}
    )
    assert source == [{"t": INJECTION, "p": BACKTICKS}]

    after = fingerprint(client)
    assert _ids(client) >= ids_before  # nothing deleted
    labels = client.read_text("MATCH (n) UNWIND labels(n) AS l RETURN collect(DISTINCT l) AS l", {})
    assert "Evil" not in labels[0]["l"]
    assert set(after.labels) <= set(before.labels) | {"Leader", "Policy"}
    assert all(after.labels[label] >= count for label, count in before.labels.items())
