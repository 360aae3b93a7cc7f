"""Build the web fonts the portal serves (assets/fonts/) and their @font-face rules (the `fonts` block of
assets/css/portal.css) from the fonts kept in scripts/font_sources/.

    .venv/bin/python scripts/build_fonts.py    # fonttools (requirements-dev.txt), Debian's fonts-liberation

Why: a page should download only the glyphs its script needs. Each face is cut down with fonttools to the characters
French, English or Modern Standard Arabic text uses (the ranges below), keeps only the OpenType features these
scripts need (Arabic joining and marks, kerning, ligatures) and is saved as WOFF2; the sources' `prep` and
`gasp` tables stay, so the text renders exactly as before the subsetting. Each @font-face
carries its ranges as `unicode-range`, so the browser fetches the Arabic face only for a page that shows Arabic
letters, and the Latin face only for Latin ones.

Against layout shifts while a face loads, each family gets a metric-matched fallback: the local Arial (or its metric
twin Liberation Sans, measured here from Debian's fonts-liberation) scaled with `size-adjust` so that an average line
of text takes the width it will take in Noto Sans, with Noto's ascent and descent. The pages also preload the faces
of their language (templates/base.html).

The sources are the Latin and Arabic subsets of `@fontsource/noto-sans` and `@fontsource/noto-naskh-arabic` 5.3.0
(npm), SIL Open Font License 1.1 (no reserved font name), kept with their licence in scripts/font_sources/.
"""

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "font_sources"
OUTPUT = ROOT / "assets" / "fonts"
STYLESHEET = ROOT / "assets" / "css" / "portal.css"
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
START, END = "/* fonts:start (scripts/build_fonts.py) */", "/* fonts:end */"

# Basic Latin and Latin-1 (French accents, guillemets), œ/Œ, the typographic quotes, dashes, spaces and bullets of
# general punctuation, the euro, arrows and the minus sign.
LATIN = (
    "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2190-2193, "
    "U+2212, U+FEFF, U+FFFD"
)
# Modern Standard Arabic: the Arabic comma, semicolon and question mark, the letters, tatweel, the short vowels and
# hamza marks, the Arabic-Indic digits and separators, the dagger alif, the Maghrebi letters of place names (veh, ng,
# gaf) and the joiners and direction marks. No Quranic annotation, no letters of other languages.
ARABIC = "U+060C, U+061B, U+061F, U+0621-063A, U+0640-0655, U+0660-066D, U+0670, U+06A4, U+06AD, U+06AF, U+200C-200F"
LATIN_FEATURES = ["ccmp", "locl", "kern", "mark", "mkmk", "liga"]
ARABIC_FEATURES = [*LATIN_FEATURES, "isol", "init", "medi", "fina", "rlig", "calt", "curs"]

FACES = [
    # family, weight, source file, output file, ranges, features, fallback font (Liberation file, local names)
    ("Noto Sans", 400, "noto-sans-latin-400-normal.woff2", "noto-sans-latin-400.woff2", LATIN, LATIN_FEATURES),
    ("Noto Sans", 700, "noto-sans-latin-700-normal.woff2", "noto-sans-latin-700.woff2", LATIN, LATIN_FEATURES),
    (
        "Noto Naskh Arabic",
        400,
        "noto-naskh-arabic-arabic-400-normal.woff2",
        "noto-naskh-arabic-400.woff2",
        # The spaces too, so that an Arabic line takes its spaces from this face rather than fetching the Latin one.
        f"U+0020, U+00A0, {ARABIC}",
        ARABIC_FEATURES,
    ),
    (
        "Noto Naskh Arabic",
        700,
        "noto-naskh-arabic-arabic-700-normal.woff2",
        "noto-naskh-arabic-700.woff2",
        f"U+0020, U+00A0, {ARABIC}",
        ARABIC_FEATURES,
    ),
]
FALLBACKS = {
    400: ("LiberationSans-Regular.ttf", ['local("Arial")', 'local("ArialMT")', 'local("Liberation Sans")']),
    700: (
        "LiberationSans-Bold.ttf",
        ['local("Arial Bold")', 'local("Arial-BoldMT")', 'local("Liberation Sans Bold")'],
    ),
}
# What a line of the portal looks like, to weigh the glyph widths when matching the fallback's size.
SAMPLE = (
    "Les outils et expériences réussies des douze régions du Maroc en matière de coopération, de communication et "
    "de participation citoyenne, pour la mise en œuvre de la régionalisation avancée. Tools and successful "
    "experiences of the 12 regions of Morocco in cooperation, communication and citizen participation, 2024."
)


def build_face(source, output, ranges, features):
    options = subset.Options()
    options.layout_features = features
    options.flavor = "woff2"
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright, names and licence
    font = TTFont(SOURCES / source, recalcTimestamp=False)  # the same bytes on every run
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes(ranges))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(OUTPUT / output)
    return font


def unicodes(ranges):
    result = []
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        result.extend(range(int(first, 16), int(last or first, 16) + 1))
    return result


def unicode_range(font):
    """The characters the built face really has, as a CSS unicode-range: a character the face lacks must go
    straight to the next family, never to the metric-matched fallback that stands in for this face."""
    codepoints = sorted(font.getBestCmap())
    runs, start = [], codepoints[0]
    for previous, current in zip(codepoints, [*codepoints[1:], None], strict=True):
        if current != previous + 1:
            runs.append(f"U+{start:04X}" if start == previous else f"U+{start:04X}-{previous:04X}")
            start = current
    return ", ".join(runs)


def average_width(font, text):
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    widths = [metrics[cmap[ord(char)]][0] for char in text if ord(char) in cmap]
    return sum(widths) / len(widths) / font["head"].unitsPerEm


def fallback_rule(family, weight, font, ranges):
    """An @font-face for the local Arial, scaled to this face's average width and given its vertical metrics; Latin
    only, so that Arabic letters never take Arial's glyphs."""
    filename, local_names = FALLBACKS[weight]
    reference = TTFont(LIBERATION / filename)
    size_adjust = average_width(font, SAMPLE) / average_width(reference, SAMPLE)
    units = font["head"].unitsPerEm
    ascent = font["hhea"].ascent / units / size_adjust
    descent = -font["hhea"].descent / units / size_adjust
    return (
        f'@font-face {{ font-family: "{family} Fallback"; font-weight: {weight}; src: {", ".join(local_names)}; '
        f"unicode-range: {ranges}; size-adjust: {size_adjust:.2%}; ascent-override: {ascent:.2%}; "
        f"descent-override: {descent:.2%}; line-gap-override: 0%; }}"
    )


def main():
    if not LIBERATION.is_dir():
        sys.exit("Matching the fallback's metrics needs Debian's fonts-liberation: apt-get install fonts-liberation")
    rules = []
    for family, weight, source, output, ranges, features in FACES:
        font = build_face(source, output, ranges, features)
        covered = unicode_range(font)
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-display: swap; '
            f'src: url("../fonts/{output}") format("woff2"); unicode-range: {covered}; }}'
        )
        if family == "Noto Sans":
            rules.append(fallback_rule(family, weight, font, covered))
        print(f"{output}: {(OUTPUT / output).stat().st_size / 1024:.1f} kB")
    css = STYLESHEET.read_text()
    block = "\n".join([START, *rules, END])
    css, found = re.subn(f"{re.escape(START)}.*?{re.escape(END)}", lambda _: block, css, flags=re.S)
    if not found:
        sys.exit(f"{STYLESHEET} has no {START} block.")
    STYLESHEET.write_text(css)


if __name__ == "__main__":
    main()
