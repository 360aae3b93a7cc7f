"""Title suggestions for the search box."""


def test_suggestions_complete_title_words_in_the_visitors_language(client, make_page):
    make_page("fr", "Référentiel de la participation citoyenne", "Texte.")
    make_page("fr", "Guide de la coopération", "Texte.")
    make_page("en", "Citizen participation framework", "Text.")
    response = client.get("/fr/search/suggest/", {"q": "particip"})
    assert response.status_code == 200
    titles = [s["title"] for s in response.json()["suggestions"]]
    assert titles == ["Référentiel de la participation citoyenne"]
    assert response.json()["suggestions"][0]["url"].startswith("/fr/")


def test_suggestions_fold_accents_and_arabic_prefixes(client, make_page):
    make_page("fr", "Référentiel régional", "Texte.")
    make_page("ar", "دليل المشاركة", "نص.")
    assert [s["title"] for s in client.get("/fr/search/suggest/", {"q": "referen"}).json()["suggestions"]] == [
        "Référentiel régional"
    ]
    assert [s["title"] for s in client.get("/ar/search/suggest/", {"q": "والمشاركة"}).json()["suggestions"]] == [
        "دليل المشاركة"
    ]


def test_one_letter_gives_no_suggestions(client, make_page):
    make_page("fr", "Atelier", "Texte.")
    assert client.get("/fr/search/suggest/", {"q": "a"}).json()["suggestions"] == []
