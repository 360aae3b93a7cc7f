"""The front-end weight budget, in Chromium: every page type in every language downloads at most 150 kB, a French or
English page never fetches the Arabic face, and the icons answer (docs/benchmarks.md, "Front-end weight").

Each page is opened in a fresh browser context, so nothing comes from the cache, and every response the page causes
is counted at its full, uncompressed size: the test server does not compress, so the budget holds whether or not
the proxy in front of the portal does. Lighthouse's own figures come from `make lighthouse`.
"""

from tests.browser.helpers import build_site
from toolkit.tests import factories

BUDGET = 150 * 1024
ARABIC_FACE = "noto-naskh-arabic"


def visit(browser, base_url, path):
    """Open ``path`` with an empty cache; return what it fetched: a list of (url, status, bytes)."""
    context = browser.new_context(base_url=base_url, locale="fr-FR")
    tab = context.new_page()
    fetched = []
    tab.on("requestfinished", lambda request: fetched.append(_size(request)))
    tab.on("requestfailed", lambda request: fetched.append((request.url, 999, 0)))
    tab.goto(path)  # the load event, which waits for the fonts the first layout asked for
    tab.evaluate("document.fonts.ready.then(() => true)")
    context.close()
    return fetched


def _size(request):
    response = request.response()
    return request.url, response.status, len(response.body()) if response.status < 300 else 0


def pages_by_language():
    """One page of each type and the search page, in French and translated into Arabic and English, so that every
    language switcher shows the two other languages' names."""
    sources = build_site(factories.french_home())
    pages = {"fr": sources}
    pages.update({language: [factories.translate(page, language) for page in sources] for language in ("ar", "en")})
    return {
        language: [page.url for page in translated] + [f"/{language}/search/?q=participatif"]
        for language, translated in pages.items()
    }


def test_every_page_type_in_every_language_stays_within_the_weight_budget(browser, live_portal):
    pages = pages_by_language()
    heavy, failed, arabic_face = [], [], {"fr": set(), "ar": set(), "en": set()}
    for language, paths in pages.items():
        for path in paths:
            fetched = visit(browser, live_portal.url, path)
            total = sum(size for _, _, size in fetched)
            if total > BUDGET:
                heavy.append(f"{path}: {total / 1024:.1f} kB")
            failed += [
                f"{path}: {url} answered {status} (999: no answer)" for url, status, _ in fetched if status >= 400
            ]
            arabic_face[language].update(path for url, _, _ in fetched if ARABIC_FACE in url)
    assert heavy == []
    assert failed == []
    assert arabic_face["fr"] == set(), "French pages fetched the Arabic face"
    assert arabic_face["en"] == set(), "English pages fetched the Arabic face"
    assert arabic_face["ar"] == set(pages["ar"]), "every Arabic page draws its text in Noto Naskh Arabic"


def test_favicon_and_icons_answer(browser, live_portal):
    context = browser.new_context(base_url=live_portal.url)
    favicon = context.request.get("/favicon.ico")
    assert favicon.status == 200
    assert favicon.headers["content-type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    tab = context.new_page()
    tab.goto("/fr/")
    icons = tab.eval_on_selector_all("link[rel~=icon], link[rel=apple-touch-icon]", "links => links.map(l => l.href)")
    assert len(icons) == 2
    for icon in icons:
        answer = context.request.get(icon)
        assert answer.status == 200
        assert answer.headers["content-type"].startswith("image/")
    context.close()
