"""What only a browser shows: the computed text direction and the language switcher in use."""


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
    assert page.get_by_role("heading", level=1).inner_text() == "Régionalisation avancée"

    page.get_by_role("navigation", name="Choisir une langue").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
