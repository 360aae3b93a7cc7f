"""The site's frame on a phone and on a wide screen, in Chromium (issue 14, point 2): a compact header whose menu
button works without JavaScript and from the keyboard, no page scrolling sideways, breadcrumbs that read in the
page's direction, and lines of prose short enough to read in every script. Figures are printed for the record."""

import pytest

from tests.browser.helpers import build_site
from toolkit.models import ToolPage
from toolkit.tests import factories

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1366, "height": 900}
HEADER_MAX = 170
CHARACTERS_MAX = 80

FRENCH_PROSE = (
    "Le conseil régional publie chaque année le calendrier de ses sessions, les projets de délibération et la suite "
    "donnée aux avis de ses instances consultatives, afin que chaque citoyen puisse suivre les décisions qui le "
    "concernent et y prendre part au moment où elles se préparent."
)
ARABIC_PROSE = (
    "ينشر مجلس الجهة كل سنة جدول دوراته ومشاريع مقرراته والمآل الذي خصصه لآراء هيئاته الاستشارية، حتى يتمكن كل "
    "مواطن من تتبع القرارات التي تهمه والمشاركة فيها في الوقت الذي يجري فيه إعدادها، وذلك في إطار الديمقراطية "
    "التشاركية التي يكرسها القانون التنظيمي المتعلق بالجهات."
)


@pytest.fixture
def site(live_portal):
    """Every page type in French and Arabic (English for the home page and the tool), the tool with long prose."""
    french = build_site(factories.french_home())
    tool = next(page for page in french if isinstance(page, ToolPage))
    tool.summary = FRENCH_PROSE
    tool.steps = [("step", {"title": "Publier", "body": f"<p>{FRENCH_PROSE}</p>"})]
    factories.save_live(tool)
    arabic = [factories.translate(page, "ar") for page in french]
    arabic_tool = factories.translate(tool, "ar")
    arabic_tool.title, arabic_tool.summary = "الميزانية التشاركية", ARABIC_PROSE
    arabic_tool.steps = [("step", {"title": "النشر", "body": f"<p>{ARABIC_PROSE}</p>"})]
    factories.save_live(arabic_tool)
    english_tool = factories.translate(tool, "en")
    return {
        "base_url": live_portal.url,
        "pages": {"fr": [page.url for page in french] + ["/fr/search/?q=budget"], "ar": [page.url for page in arabic]},
        "tool": {"fr": tool, "ar": arabic_tool, "en": english_tool},
    }


def new_tab(browser, site, viewport=PHONE, **options):
    context = browser.new_context(base_url=site["base_url"], viewport=viewport, **options)
    return context, context.new_page()


def open_page(tab, path):
    assert tab.goto(path).status == 200
    tab.evaluate("document.fonts.ready.then(() => true)")


def header_height(tab):
    return tab.evaluate("document.querySelector('header.site-header').getBoundingClientRect().height")


def test_the_phone_header_is_compact_and_no_page_scrolls_sideways(browser, site):
    context, tab = new_tab(browser, site)
    heights = {}
    for language in ("fr", "ar", "en"):
        for path in (f"/{language}/", site["tool"][language].url):
            open_page(tab, path)
            heights[path] = header_height(tab)
    print("Header heights at 390x844:", {path: round(height) for path, height in heights.items()})
    assert {path: height for path, height in heights.items() if height > HEADER_MAX} == {}

    wide = {}
    for paths in site["pages"].values():
        for path in paths:
            open_page(tab, path)
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide[path] = width
    assert wide == {}
    context.close()


def nav_link_visible(tab):
    return tab.locator(".site-nav a").nth(1).is_visible()


def test_the_menu_button_opens_and_closes_the_navigation_without_javascript(browser, site):
    context, tab = new_tab(browser, site, java_script_enabled=False)
    open_page(tab, "/fr/")
    button = tab.locator("summary.site-menu__button")
    assert button.is_visible()
    assert not nav_link_visible(tab)

    button.click()
    assert nav_link_visible(tab)
    print("Header height with the menu open:", round(header_height(tab)))
    button.click()
    assert not nav_link_visible(tab)
    context.close()


def test_the_menu_button_works_from_the_keyboard_in_arabic(browser, site):
    context, tab = new_tab(browser, site)
    open_page(tab, "/ar/")
    tab.locator("#site-search").focus()
    tab.keyboard.press("Tab")  # the search button
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.matches('summary.site-menu__button')")
    assert tab.evaluate("document.activeElement.textContent.trim()") == "القائمة"

    tab.keyboard.press("Enter")
    assert nav_link_visible(tab)
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('.site-nav') !== null")  # the links follow the button
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Space")
    assert not nav_link_visible(tab)
    context.close()


def test_a_wide_screen_shows_the_navigation_inline_without_the_button(browser, site):
    context, tab = new_tab(browser, site, viewport=WIDE)
    open_page(tab, "/fr/")
    print("Header height at 1366x900:", round(header_height(tab)))
    assert not tab.locator("summary.site-menu__button").is_visible()
    assert nav_link_visible(tab)
    tab.locator("#site-search").focus()
    tab.keyboard.press("Tab")  # the search button
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('.site-nav') !== null")
    # The navigation, the breadcrumbs, the main column and the footer start at the same place.
    open_page(tab, site["tool"]["fr"].url)
    starts = tab.evaluate(
        """['.site-header__brand', '.site-nav li', '.breadcrumbs li', 'main h1', '.site-footer > *'].map(selector => {
            const element = document.querySelector(selector);
            const padding = parseFloat(getComputedStyle(element).paddingInlineStart);
            return Math.round(element.getBoundingClientRect().left + padding);
        })"""
    )
    assert len(set(starts)) == 1, starts
    context.close()


CHARACTERS_PER_LINE = """selector => [...document.querySelectorAll(selector)].map(element => {
    const style = getComputedStyle(element), text = element.textContent.replace(/\\s+/g, ' ').trim();
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return element.getBoundingClientRect().width / (context.measureText(text).width / text.length);
})"""


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_tool_page_has_breadcrumbs_and_readable_lines(browser, site, language):
    context, tab = new_tab(browser, site, viewport=WIDE)
    tool = site["tool"][language]
    open_page(tab, tool.url)

    crumbs = tab.locator("nav.breadcrumbs ol > li")
    index = tool.get_parent()
    assert crumbs.all_inner_texts() == [{"fr": "Accueil", "ar": "الرئيسية"}[language], index.title, tool.title]
    assert tab.locator("nav.breadcrumbs [aria-current=page]").inner_text() == tool.title
    assert tab.locator("nav.breadcrumbs [aria-current]").count() == 1
    home, current = (crumbs.nth(0).bounding_box(), crumbs.nth(2).bounding_box())
    if language == "ar":  # the trail reads from right to left
        assert home["x"] > current["x"]
    else:
        assert home["x"] < current["x"]

    characters = tab.evaluate(CHARACTERS_PER_LINE, "main .lead, main .titled-text__body p")
    print(f"Characters per line on the {language} tool page:", [round(count) for count in characters])
    assert len(characters) == 2
    assert max(characters) <= CHARACTERS_MAX
    context.close()
