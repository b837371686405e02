"""RSS 2.0 and Atom feeds: each item an article, reported by its index when it is bad.

Parsed with the standard library's expat, with every entity declaration refused: a feed that
declares entities (the "billion laughs" and external-entity attacks) is not read at all.
An item's HTML (RSS ``description`` or ``content:encoded``, Atom ``type="html"``) is read as
text; its date is the day the feed gives, in the feed's own time zone.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import NoReturn
from xml.etree import ElementTree as ET
from xml.parsers import expat

from loaders.ingest.entries import ArticleInput, BadArticle, Entry

__all__ = ["html_text", "parse_feed", "read_feed"]

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_BLOCKS = frozenset(
    {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}
)


class _Refused(Exception):
    """The feed declares entities; it is not read."""


def _refuse(*_: object) -> NoReturn:
    raise _Refused("the feed declares XML entities, which Dyad refuses to expand")


def parse_feed(data: bytes) -> ET.Element:
    """Parse a feed's bytes; raise ``ValueError`` naming the line when it cannot be read."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = lambda name, attrs: builder.start(
        _name(name), {_name(key): value for key, value in attrs.items()}
    )
    parser.EndElementHandler = lambda name: builder.end(_name(name))
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    try:
        parser.Parse(data, True)
        return builder.close()
    except _Refused as exc:
        raise ValueError(str(exc)) from None
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code) if exc.code else "not well-formed"
        raise ValueError(f"line {exc.lineno}, column {exc.offset}: {message}") from None


def _name(name: str) -> str:
    """expat's ``uri}local`` as ElementTree spells it: ``{uri}local``."""
    return "{" + name if "}" in name else name


def read_feed(path: Path) -> list[Entry]:
    """Every item of an RSS 2.0 channel or Atom feed, as articles."""
    try:
        root = parse_feed(path.read_bytes())
    except (OSError, ValueError) as exc:
        return [BadArticle(path.name, (str(exc),))]
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            return [BadArticle(path.name, ("an RSS feed without a <channel>",))]
        publisher = _text(channel.find("title"))
        return [_rss_item(f"{path.name} item {i}", item, publisher)
                for i, item in enumerate(channel.findall("item"), start=1)]  # fmt: skip
    if root.tag == f"{_ATOM}feed":
        publisher = _text(root.find(f"{_ATOM}title"))
        return [_atom_entry(f"{path.name} item {i}", entry, publisher)
                for i, entry in enumerate(root.findall(f"{_ATOM}entry"), start=1)]  # fmt: skip
    return [BadArticle(path.name, (f"neither RSS 2.0 nor Atom (root <{root.tag}>)",))]


def _rss_item(place: str, item: ET.Element, publisher: str | None) -> Entry:
    problems: list[str] = []
    title = _text(item.find("title"))
    url = _text(item.find("link"))
    body = _text(item.find(_CONTENT)) or _text(item.find("description"))
    raw_date = _text(item.find("pubDate"))
    for name, value in (("<title>", title), ("<link>", url), ("<pubDate>", raw_date)):
        if not value:
            problems.append(f"missing {name}")
    if not body:
        problems.append("missing <description> or <content:encoded>")
    date = None
    if raw_date:
        try:
            date = email.utils.parsedate_to_datetime(raw_date).date()
        except (TypeError, ValueError):
            problems.append(f"<pubDate>: not an RFC 822 date: {raw_date!r}")
    if problems:
        return BadArticle(place, tuple(problems))
    assert body is not None
    return ArticleInput(place, html_text(body), date, url, title, publisher or None)


def _atom_entry(place: str, entry: ET.Element, publisher: str | None) -> Entry:
    problems: list[str] = []
    title = _text(entry.find(f"{_ATOM}title"))
    links = entry.findall(f"{_ATOM}link")
    chosen = [x for x in links if x.get("rel", "alternate") == "alternate"] or links
    url = chosen[0].get("href") if chosen else None
    raw_date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
    body_element = entry.find(f"{_ATOM}content")
    if body_element is None:
        body_element = entry.find(f"{_ATOM}summary")
    body = _atom_text(body_element)
    for name, value in (("<title>", title), ("<link href>", url), ("<published>", raw_date)):
        if not value:
            problems.append(f"missing {name}")
    if not body:
        problems.append("missing <content> or <summary>")
    date = None
    if raw_date:
        try:
            date = dt.datetime.fromisoformat(raw_date).date()
        except ValueError:
            problems.append(f"<published>: not an RFC 3339 date: {raw_date!r}")
    if problems:
        return BadArticle(place, tuple(problems))
    assert body is not None
    if not publisher:
        publisher = _text(entry.find(f"{_ATOM}author/{_ATOM}name"))
    return ArticleInput(place, body, date, url, title, publisher or None)


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _atom_text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    kind = element.get("type", "text")
    if kind == "xhtml":
        text = "\n".join(" ".join(p.split()) for p in element.itertext() if p.strip())
        return text or None
    raw = _text(element)
    if raw is None:
        return None
    return html_text(raw) if kind == "html" else raw


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The text of an HTML fragment: block elements end paragraphs, spaces collapse."""
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    lines = (
        re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n")
    )
    return "\n".join(line for line in lines if line)
