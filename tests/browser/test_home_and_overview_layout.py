"""What only a browser shows of the home page and the adoption overview: the map's links as assistive technology
names them, keyboard focus on a region, and the overview on a 390x844 phone in French and Arabic: the page itself
never scrolls sideways, the table scrolls inside its own box with a visible cue, and the list by region fits.
"""

from wagtail.models import Locale

from toolkit.reference import reference_data
from toolkit.tests import factories

# Right-to-left boxes scroll towards negative offsets.
SCROLL_TO_THE_END = "box => { box.scrollLeft = (getComputedStyle(box).direction === 'rtl' ? -1 : 1) * 2000; }"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def build(home):
    """The index pages, the 12 regions and a few adopted tools, in French and translated into Arabic with the
    regions' Arabic names."""
    tree = factories.toolkit_tree(home)
    regions = factories.twelve_regions(tree["regions"])
    for n, code in enumerate(["01", "04", "09", "12"]):
        tool = factories.ToolPageFactory(parent=tree["tools"], title=f"Charte régionale de la concertation {n}")
        factories.AdoptionFactory(tool=tool, region_code=code)
        factories.translate(tool, "ar")
    for page in tree.values():
        factories.translate(page, "ar")
    names = {item["code"]: item for item in reference_data()["regions"]}
    for code, region in regions.items():
        translated = factories.translate(region, "ar")
        translated.title = names[code]["ar"]
        factories.save_live(translated)
    return tree, names


def sideways_overflow(tab):
    """How many pixels the page itself is wider than the screen (0 when it does not scroll sideways)."""
    return tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_every_region_on_the_map_is_a_named_link_with_visible_keyboard_focus(browser, live_portal):
    _tree, names = build(factories.french_home())
    context = browser.new_context(base_url=live_portal.url)
    tab = context.new_page()
    for language in ("fr", "ar"):
        tab.goto(f"/{language}/")
        region_map = tab.locator("svg.region-map")
        for item in names.values():
            assert region_map.get_by_role("link", name=item[language], exact=True).count() == 1, item[language]
    # Tab from the section's heading: the first region gets the focus, painted in the focus colour.
    first = tab.locator("svg.region-map a").first
    before = first.locator("path").evaluate("path => getComputedStyle(path).fill")
    tab.locator("#regions-heading").focus()
    tab.keyboard.press("Tab")
    assert first.evaluate("link => link === document.activeElement")
    after = first.locator("path").evaluate("path => getComputedStyle(path).fill")
    assert after != before
    context.close()


def test_overview_on_a_phone_scrolls_inside_its_table_with_a_cue_or_reads_as_a_list(browser, live_portal):
    tree, _names = build(factories.french_home())
    context = browser.new_context(base_url=live_portal.url, **PHONE)
    tab = context.new_page()
    arabic = tree["overview"].get_translation(Locale.objects.get(language_code="ar"))
    urls = {"fr": tree["overview"].url, "ar": arabic.url}
    for language, url in urls.items():
        tab.goto(url)
        assert tab.locator("html").get_attribute("lang") == language
        assert sideways_overflow(tab) == 0, f"{url} scrolls sideways"
        assert tab.locator(".scroll-cue").is_visible()
        box = tab.locator(".table-scroll")
        assert box.evaluate("box => box.scrollWidth > box.clientWidth"), "the table should scroll in its own box"
        # The tools' column stays in view while the regions scroll.
        heading = tab.locator(".adoption-table tbody th").first
        start = heading.bounding_box()["x"]
        box.evaluate(SCROLL_TO_THE_END)
        assert box.evaluate("box => Math.abs(box.scrollLeft)") > 0
        assert abs(heading.bounding_box()["x"] - start) < 1
        # The cue leads to the list by region, which fits the screen.
        tab.locator(".scroll-cue a").click()
        tab.wait_for_load_state()
        assert "view=list" in tab.url
        assert tab.locator(".adoption-region").count() == 12
        assert tab.locator(".adoption-table").count() == 0
        assert sideways_overflow(tab) == 0, f"{tab.url} scrolls sideways"
    context.close()
