"""Tests for the precomputed region shapes and the inline SVG map (no database, no settings)."""

import json
import re
from types import SimpleNamespace

from django.utils.safestring import SafeString

from toolkit.geo import SHAPES_PATH, load_region_shapes, region_map_svg

CODES = [f"{i:02d}" for i in range(1, 13)]
PATH_RE = re.compile(r"^(M-?\d+(\.\d+)? -?\d+(\.\d+)?l[-\d. ]+Z)+$")


def _regions(**overrides):
    items = [{"code": code, "name": f"Région {code}", "url": f"/fr/regions/{code}/"} for code in CODES]
    for item in items:
        item.update(overrides.get(item["code"], {}))
    return items


def _absolute_points(d):
    """Decode the builder's 'M x y l dx dy ... Z' rings into lists of absolute points."""
    rings = []
    for body in re.findall(r"M([^Z]*)Z", d):
        head, _, rel = body.partition("l")
        x, y = (float(v) for v in head.split())
        nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", rel)]
        ring = [(x, y)]
        for dx, dy in zip(nums[::2], nums[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def _inside(p, ring):
    x, y = p
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def test_json_has_exactly_the_twelve_region_codes():
    shapes = load_region_shapes()
    assert sorted(shapes["regions"]) == CODES


def test_paths_are_well_formed_and_small():
    shapes = load_region_shapes()
    for code, region in shapes["regions"].items():
        d = region["d"]
        assert d, code
        assert d.startswith("M") and d.endswith("Z"), code
        assert PATH_RE.match(d), code
        assert 100 < len(d) < 2500, (code, len(d))


def test_json_file_is_under_25_kb():
    assert SHAPES_PATH.stat().st_size < 25 * 1024
    json.loads(SHAPES_PATH.read_text(encoding="utf-8"))


def test_viewbox_and_labels_inside_their_region():
    shapes = load_region_shapes()
    _, _, width, height = (float(v) for v in shapes["viewBox"].split())
    assert 900 <= width <= 1100 and height > 0
    for code, region in shapes["regions"].items():
        rings = _absolute_points(region["d"])
        for ring in rings:
            assert all(-1 <= x <= width + 1 and -1 <= y <= height + 1 for x, y in ring), code
        label = (region["label_x"], region["label_y"])
        assert any(_inside(label, ring) for ring in rings), code


def test_svg_has_twelve_links_with_the_given_urls():
    svg = region_map_svg(_regions(), title="Carte des régions")
    assert isinstance(svg, SafeString)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="group"' in svg and 'direction="ltr"' in svg
    title_id = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
    assert f'<title id="{title_id}">Carte des régions</title>' in svg
    hrefs = re.findall(r'<a [^>]*href="([^"]*)"', svg)
    assert hrefs == [f"/fr/regions/{code}/" for code in CODES]
    assert svg.count('class="region-map__region') == 12
    assert "<title>Région 07</title>" in svg
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_svg_accepts_objects_and_loose_codes():
    regions = [SimpleNamespace(code=int(code), name=f"R{code}", url=f"/en/r/{code}/") for code in CODES]
    svg = region_map_svg(regions, current_code=3)
    assert len(re.findall(r"<a ", svg)) == 12
    assert 'href="/en/r/01/"' in svg
    assert svg.count("is-current") == 2  # the link and its path


def test_svg_escapes_names_urls_and_title():
    svg = region_map_svg(
        _regions(**{"05": {"name": "<script>alert(1)</script>", "url": '/r/"x"&y'}}),
        title="<b>Map</b>",
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert 'href="/r/&quot;x&quot;&amp;y"' in svg
    assert "&lt;b&gt;Map&lt;/b&gt;" in svg


def test_svg_marks_current_region():
    svg = region_map_svg(_regions(), current_code="06")
    current_links = re.findall(r'<a class="region-map__link is-current" href="([^"]+)" aria-current="page">', svg)
    assert current_links == ["/fr/regions/06/"]
    assert svg.count('class="region-map__region is-current"') == 1
    assert "is-current" not in region_map_svg(_regions())


def test_regions_without_url_are_drawn_but_not_linked():
    svg = region_map_svg([{"code": "01", "name": "Tanger", "url": "/r/1/"}])
    assert len(re.findall(r"<a ", svg)) == 1
    assert svg.count('class="region-map__region') == 12
    assert "<title>Tanger</title>" in svg
