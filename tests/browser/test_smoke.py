"""What only a browser shows: the computed text direction and the language switcher in use."""

from home.models import HomePage


def test_arabic_home_is_right_to_left_and_switches_to_french_and_english(page):
    page.goto("/ar/")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"

    switcher = page.get_by_role("navigation", name="اختر لغة")
    hrefs = switcher.get_by_role("link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == ["/en/", "/fr/"]

    switcher.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    # The home page's heading says what the portal offers (its summary, or its title on a bare portal).
    french = HomePage.objects.get(locale__language_code="fr")
    assert page.get_by_role("heading", level=1).inner_text() == (french.summary or french.title)

    page.get_by_role("navigation", name="Choisir une langue").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
