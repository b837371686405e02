"""The supply map: ``GET /explorer/map.json`` in-process, and the Map tab in Chromium against a
real ``dyad serve`` holding the curated corpus (the fixtures and helpers of
test_explorer_browser and test_explorer_views): every site a source places is drawn, the rest
are listed; the mineral filter lives in the address; China's share comes with its sources."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from api import ApiSettings, create_app
from graph import GraphClient, GraphSettings
from loaders import CORPUS_DIR
from tests.http import in_process
from tests.test_explorer_browser import Session, base_url, browser, session
from tests.test_explorer_views import open_view, serious_violations

#: The explorer's browser tests' fixtures, used here too: a real server, Chromium, a page.
SHARED_FIXTURES = (base_url, browser, session)
NEODYMIUM = "mineral:Nd"
RARE_EARTHS = "mineral:rare-earths"


def _corpus_sites() -> dict[str, dict[str, Any]]:
    """The corpus's mines, deposits and plants by id, as mines.yaml writes them."""
    document = yaml.safe_load((CORPUS_DIR / "mines.yaml").read_text(encoding="utf-8"))
    return {site["id"]: site for site in document["mines"]}


SITES = _corpus_sites()
PLACED = {i for i, site in SITES.items() if site.get("latitude") is not None}
UNPLACED = set(SITES) - PLACED


def test_the_corpus_places_only_sites_a_source_locates_and_no_region() -> None:
    assert {"mine:bayan-obo", "mine:mount-weld", "mine:mountain-pass"} <= PLACED
    # Regions have no point: they are listed, never guessed onto the map.
    assert {"mine:southern-ionic-clays", "mine:kachin-clays"} <= UNPLACED
    for site_id in PLACED:
        assert SITES[site_id]["longitude"] is not None
        assert "oordinates" in SITES[site_id]["description"], site_id


@pytest.mark.anyio
@pytest.mark.usefixtures("graph_settings_env")
async def test_the_map_json_holds_every_site_and_chinas_sourced_shares(
    corpus_client: GraphClient,
) -> None:
    app = create_app(ApiSettings(), GraphSettings(), client=corpus_client)
    async with in_process(app) as http:
        response = await http.get("/explorer/map.json", params={"country": "country:CHN"})
    assert response.status_code == 200, response.text
    body = response.json()
    sites = {site["id"]: site for site in body["sites"]}
    assert set(sites) == set(SITES)
    assert {i for i, s in sites.items() if s["latitude"] is not None} == PLACED
    weld = sites["mine:mount-weld"]
    assert (weld["latitude"], weld["longitude"]) == (
        SITES["mine:mount-weld"]["latitude"],
        SITES["mine:mount-weld"]["longitude"],
    )
    assert {operator["id"] for operator in weld["operators"]} == {"organization:lynas"}
    assert weld["countries"] == ["Australia"]
    assert all(source["reliability"] for source in weld["sources"])
    assert RARE_EARTHS in {m["id"] for m in weld["minerals"]}
    shares = [s for s in body["shares"] if s["mineral"] == RARE_EARTHS]
    assert shares
    assert all(0 < s["share"] <= 1 and s["sources"] for s in shares)
    assert shares == sorted(shares, key=lambda s: -s["share"])


@pytest.mark.browser
def test_the_map_draws_every_placed_site_filters_by_mineral_and_lists_the_rest(
    session: Session, base_url: str
) -> None:
    page = open_view(session, base_url, "map")
    assert page.get_attribute("#tab-map", "aria-selected") == "true"
    page.wait_for_function(
        "n => document.querySelectorAll('#map-placed li').length === n", arg=len(PLACED)
    )
    drawn = page.evaluate(
        """() => window.explorer.map.chart.getOption().series
                   .flatMap(s => s.data.map(d => d.id))"""
    )
    assert sorted(drawn) == sorted(PLACED)
    # The view says it is drawn (the mark bench/screenshots.py waits for).
    assert page.evaluate("() => performance.getEntriesByName('map:drawn', 'mark').length") >= 1
    # Every drawn point sits where the record puts it.
    points = page.evaluate(
        """() => Object.fromEntries(window.explorer.map.chart.getOption().series
                   .flatMap(s => s.data.map(d => [d.id, d.value])))"""
    )
    for site_id in PLACED:
        assert points[site_id] == [SITES[site_id]["longitude"], SITES[site_id]["latitude"]]
    # The outline is the vendored one: the geo component draws a world map.
    assert page.evaluate("() => window.explorer.map.chart.getOption().geo[0].map") == "dyad-world"
    # No country is drawn as a line across the world: rings the outline cuts at the antimeridian
    # (Chukotka, Fiji) are drawn east of it; only Antarctica, around the pole, meets both edges.
    across = page.evaluate(
        """() => {
             const map = window.echarts.getMap('dyad-world');
             const jumps = (ring) => ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
             return (map.geoJSON ?? map.geoJson).features
               .filter((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
                 .some((polygon) => polygon.some(jumps)))
               .map((f) => f.properties.name);
           }"""
    )
    assert across == ["Antarctica"]
    # Sites no source places are listed, not drawn.
    unplaced = page.eval_on_selector_all("#map-unplaced li", "ls => ls.map(l => l.dataset.id)")
    assert set(unplaced) == UNPLACED
    assert page.inner_text("#map-unplaced-count") == str(len(UNPLACED))
    # China's share: a sourced figure for the rare earths, "no sourced share" where none is.
    rare_earths = page.locator(f'#map-shares > li[data-mineral="{RARE_EARTHS}"]')
    assert "%" in rare_earths.inner_text()
    assert rare_earths.locator(".map-sources a").count() > 0
    assert page.locator("#map-shares .no-share").count() > 0

    # The filter narrows to one mineral and writes it into the address.
    page.select_option("#map-mineral", NEODYMIUM)
    page.wait_for_function("() => window.explorer.map.chart.getOption().series.length === 1")
    assert "map.mineral=mineral:Nd" in page.url
    neodymium = {i for i in PLACED if any(link["end"] == NEODYMIUM for link in _produces(i))}
    assert neodymium
    drawn = page.evaluate(
        "() => window.explorer.map.chart.getOption().series[0].data.map(d => d.id)"
    )
    assert sorted(drawn) == sorted(neodymium)
    assert page.locator("#map-shares > li").count() == 1

    # A reload of the address restores the filter.
    page.reload()
    page.wait_for_function("() => window.explorer?.map?.chart !== undefined")
    page.wait_for_function(
        "n => document.querySelectorAll('#map-placed li').length === n", arg=len(neodymium)
    )
    assert page.input_value("#map-mineral") == NEODYMIUM
    # Back returns to every mineral.
    page.go_back()
    page.wait_for_function(
        "n => document.querySelectorAll('#map-placed li').length === n", arg=len(PLACED)
    )
    assert page.input_value("#map-mineral") == ""

    assert serious_violations(page, "#view-map") == []
    # Clicking a site opens it in the graph view, whose details panel follows once its
    # neighbourhood is drawn (the graph view's own tests check the panel).
    page.locator('#map-placed li[data-id="mine:mount-weld"] button').click()
    page.wait_for_function("() => location.hash.includes('node=mine:mount-weld')")
    assert page.get_attribute("#tab-graph", "aria-selected") == "true"
    assert session.errors == []
    assert session.off_host() == []


def _produces(site_id: str) -> list[dict[str, Any]]:
    document = yaml.safe_load((CORPUS_DIR / "mines.yaml").read_text(encoding="utf-8"))
    return [
        link
        for link in document["relationships"]
        if link["start"] == site_id and link["type"] == "PRODUCES"
    ]
