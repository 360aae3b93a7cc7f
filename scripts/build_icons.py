"""Draw the portal's icons into assets/icons/: the SVG icon browsers show in tabs, the PNG home-screen icon for
phones (apple-touch-icon, 180 px) and favicon.ico (16, 32 and 48 px) for clients that ask for `/favicon.ico`.

    .venv/bin/python scripts/build_icons.py        # Pillow (a Wagtail dependency) and fonttools (requirements-dev.txt)

The design is the portal's own, kept simple: its initials "RA" (Régionalisation avancée) in white Noto Sans Bold on
the header's green, over a thin red band (the accent colour). The SVG carries the letters as outlines taken from
the portal's font, so it looks the same where that font is not installed and needs no font request.
"""

import io
import itertools
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.svgLib.path import parse_path
from fontTools.ttLib import TTFont
from PIL import Image, ImageChops, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "assets" / "fonts" / "noto-sans-latin-700.woff2"
OUTPUT = ROOT / "assets" / "icons"
GREEN, RED, WHITE = "#0b5d3b", "#a4161a", "#ffffff"  # --color-primary and --color-accent (assets/css/portal.css)
TEXT = "RA"
SIZE = 64  # the SVG's view box; the letters fill 70 % of its width, above the red band
BAND = 8


def letter_outlines():
    """The letters' outlines as one SVG path, scaled and centred in the view box (y pointing down)."""
    font = TTFont(FONT)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    names = [cmap[ord(char)] for char in TEXT]
    advance = sum(glyphs[name].width for name in names)
    bounds = BoundsPen(glyphs)
    x = 0
    for name in names:
        glyphs[name].draw(TransformPen(bounds, (1, 0, 0, 1, x, 0)))
        x += glyphs[name].width
    x_min, y_min, x_max, y_max = bounds.bounds
    scale = SIZE * 0.7 / (x_max - x_min)
    offset_x = (SIZE - (x_max - x_min) * scale) / 2 - x_min * scale
    offset_y = (SIZE - BAND + (y_max - y_min) * scale) / 2 + y_min * scale
    path = SVGPathPen(glyphs, ntos=lambda value: f"{value:.1f}".rstrip("0").rstrip("."))
    x = 0
    for name in names:
        glyphs[name].draw(TransformPen(path, (scale, 0, 0, -scale, offset_x + x * scale, offset_y)))
        x += glyphs[name].width
    assert advance  # the font has the letters
    return path.getCommands()


def svg_icon():
    """Red rounded square, green over all but its bottom band, white letters."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}">'
        f'<rect width="{SIZE}" height="{SIZE}" rx="10" fill="{RED}"/>'
        f'<rect width="{SIZE}" height="{SIZE - BAND}" rx="10" fill="{GREEN}"/>'
        f'<rect y="10" width="{SIZE}" height="{SIZE - BAND - 10}" fill="{GREEN}"/>'
        f'<path d="{letter_outlines()}" fill="{WHITE}"/></svg>\n'
    )


def raster(pixels, rounded=True):
    """The same drawing in PNG, drawn at 4x and reduced for smooth edges."""
    big = pixels * 4
    factor = big / SIZE
    radius = 10 * factor if rounded else 0
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=RED)
    draw.rounded_rectangle((0, 0, big - 1, big - 1 - BAND * factor), radius=radius, fill=GREEN)
    draw.rectangle((0, radius, big - 1, big - 1 - BAND * factor), fill=GREEN)
    image.paste(WHITE, mask=_letters_mask(big, factor))
    return image.resize((pixels, pixels), Image.LANCZOS)


def _letters_mask(big, factor):
    """The letters as a mask: each contour flattened to a polygon and combined even-odd, which opens the counters
    of R and A."""
    recording = RecordingPen()
    parse_path(letter_outlines(), recording)
    mask = Image.new("1", (big, big), 0)
    current = []
    for operator, points in recording.value:
        if operator == "moveTo":
            current = [points[0]]
        elif operator == "lineTo":
            current.append(points[0])
        elif operator in ("qCurveTo", "curveTo"):
            start = current[-1]
            current.extend(_bezier([start, *points], step / 8) for step in range(1, 9))
        elif operator in ("closePath", "endPath"):
            contour = Image.new("1", (big, big), 0)
            ImageDraw.Draw(contour).polygon([(x * factor, y * factor) for x, y in current], fill=1)
            mask = ImageChops.logical_xor(mask, contour)
    return mask.convert("L")


def _bezier(points, t):
    while len(points) > 1:
        points = [((1 - t) * a[0] + t * b[0], (1 - t) * a[1] + t * b[1]) for a, b in itertools.pairwise(points)]
    return points[0]


def main():
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "icon.svg").write_text(svg_icon())
    raster(180, rounded=False).save(OUTPUT / "apple-touch-icon.png", optimize=True)
    buffer = io.BytesIO()
    raster(48).save(buffer, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    (OUTPUT / "favicon.ico").write_bytes(buffer.getvalue())
    for path in sorted(OUTPUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
