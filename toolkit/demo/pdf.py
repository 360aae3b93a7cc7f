"""Small, real PDFs of the demo guides, one per language, with Arabic shaped right to left.

fpdf2 lays the text out; with text shaping on, it uses HarfBuzz (uharfbuzz) to join Arabic letters and order
right-to-left runs. The fonts are the portal's own Noto fonts: the WOFF2 files served to browsers (cut down to the
characters of French, English and Modern Standard Arabic by scripts/build_fonts.py) are converted once to TrueType
(fontTools with brotli) into a cache directory, since fpdf2 embeds TrueType only.
"""

import functools
import logging
from pathlib import Path

from django.conf import settings
from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONTS_DIR = Path(settings.BASE_DIR) / "assets" / "fonts"
FONT_FILES = {
    ("NotoSans", ""): "noto-sans-latin-400.woff2",
    ("NotoSans", "B"): "noto-sans-latin-700.woff2",
    ("NotoNaskh", ""): "noto-naskh-arabic-400.woff2",
    ("NotoNaskh", "B"): "noto-naskh-arabic-700.woff2",
}


@functools.lru_cache(maxsize=1)
def truetype_fonts():
    """Convert the WOFF2 fonts to TTF once (cached under DATA_DIR/fonts), returning their paths."""
    from fontTools.ttLib import TTFont

    cache = Path(settings.DATA_DIR) / "fonts"
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, name in FONT_FILES.items():
        target = cache / name.replace(".woff2", ".ttf")
        if not target.exists():
            font = TTFont(FONTS_DIR / name)
            font.flavor = None
            font.save(target)
        paths[key] = target
    return paths


def guide_pdf(title, version, date_text, chapters, language, footer):
    """The guide as PDF bytes. ``chapters`` is a list of (heading, [paragraphs]) already in ``language``."""
    logging.getLogger("fontTools").setLevel(logging.WARNING)  # its subsetter logs every glyph at INFO
    rtl = language == "ar"
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("Régionalisation avancée")
    for (family, style), path in truetype_fonts().items():
        pdf.add_font(family, style=style, fname=str(path))
    main, fallback = ("NotoNaskh", "NotoSans") if rtl else ("NotoSans", "NotoNaskh")
    pdf.set_fallback_fonts([fallback])
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else "ltr", script="arab" if rtl else None)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    align = "R" if rtl else "L"

    def write(text, size, style="", spacing=2.0):
        pdf.set_font(main, style=style, size=size)
        pdf.multi_cell(0, size * 0.55, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(spacing)

    write(title, 20, "B", 4)
    write(f"{version} · {date_text}", 11, "", 6)
    for heading, paragraphs in chapters:
        write(heading, 14, "B", 2)
        for paragraph in paragraphs:
            write(paragraph, 11, "", 3)
    write(footer, 9, "", 0)
    return bytes(pdf.output())
