"""Build ``locale_overrides/``: the admin's word for a language is "Langue" / "اللغة" / "Language".

Wagtail and wagtail-localize call a content language a "locale", which their French catalogues translate as
"région" and their Arabic ones as "الإعدادات المحلية" (local settings) or "اللغة المحلية". On a portal about Morocco's
twelve regions, an editor reading "Région : Arabe" in the page editor cannot tell a language from a region. This
script reads the installed catalogues and writes, for every message that names a locale, the same message with
the portal's word. The result is committed; run it again after upgrading Wagtail or wagtail-localize:

    .venv/bin/python scripts/admin_language_terms.py

It is an offline build script (not imported by the portal). ``cms.settings.base.LOCALE_PATHS`` lists the folder it
writes after ``locale/``, so these entries override the packages' catalogues and never the portal's own strings.
"""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "locale_overrides"
PACKAGES = ("wagtail", "wagtail_localize")

# Whole words only; placeholders such as %(locale)s or {locale} are left alone (the look-behind).
FRENCH = [
    (r"(?<![({])\brégions\b", "langues"),
    (r"(?<![({])\bRégions\b", "Langues"),
    (r"(?<![({])\brégion\b", "langue"),
    (r"(?<![({])\bRégion\b", "Langue"),
]
ARABIC = [
    ("الإعدادات المحلية", "اللغة"),
    ("اللغات المحلية", "اللغات"),
    ("اللغة المحلية", "اللغة"),
    ("لغة محلية", "لغة"),
    ("لغات محلية", "لغات"),
]
ENGLISH = [
    (r"(?<![({_])\blocales\b(?![_)}])", "languages"),
    (r"(?<![({_])\bLocales\b(?![_)}])", "Languages"),
    (r"(?<![({_])\blocale\b(?![_)}])", "language"),
    (r"(?<![({_])\bLocale\b(?![_)}])", "Language"),
]
NAMES_A_LOCALE = re.compile(r"(?<![({_])\blocales?\b(?![_)}])", re.IGNORECASE)


def catalogues(language):
    site_packages = Path(polib.__file__).resolve().parent
    for package in PACKAGES:
        yield from sorted((site_packages / package).glob(f"**/locale/{language}/LC_MESSAGES/django.po"))


def rewrite(text, rules, regex=True):
    for old, new in rules:
        text = re.sub(old, new, text) if regex else text.replace(old, new)
    return text


def build(language, rules, regex):
    out = polib.POFile(wrapwidth=120)
    out.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": language,
        "Plural-Forms": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=11 ? 4 : 5);"
        if language == "ar"
        else "nplurals=2; plural=(n > 1);"
        if language == "fr"
        else "nplurals=2; plural=(n != 1);",
    }
    seen = set()
    for path in catalogues(language) if language != "en" else catalogues("fr"):
        for entry in polib.pofile(str(path)):
            key = (entry.msgctxt, entry.msgid)
            if key in seen or entry.obsolete or not NAMES_A_LOCALE.search(entry.msgid + entry.msgid_plural):
                continue
            if language == "en":
                singular, plural = entry.msgid, entry.msgid_plural
                msgstr = rewrite(singular, rules)
                msgstr_plural = {0: msgstr, 1: rewrite(plural, rules)} if plural else {}
            else:
                if not entry.translated():
                    continue
                msgstr = rewrite(entry.msgstr, rules, regex)
                msgstr_plural = {k: rewrite(v, rules, regex) for k, v in entry.msgstr_plural.items()}
            if msgstr == entry.msgstr and msgstr_plural == entry.msgstr_plural:
                continue
            seen.add(key)
            out.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr="" if entry.msgid_plural else msgstr,
                    msgstr_plural=msgstr_plural,
                    comment=f"{path.relative_to(Path(polib.__file__).resolve().parent)}",
                )
            )
    target = OUT / language / "LC_MESSAGES" / "django.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    out.save(str(target))
    return len(out)


def main():
    counts = {
        "fr": build("fr", FRENCH, regex=True),
        "ar": build("ar", ARABIC, regex=False),
        "en": build("en", ENGLISH, regex=True),
    }
    for language, count in counts.items():
        sys.stdout.write(f"{language}: {count} messages\n")


if __name__ == "__main__":
    main()
