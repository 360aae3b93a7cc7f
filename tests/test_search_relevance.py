"""Relevance over the demo content: each query finds its page in the top 3, in its own language.

The demo content is loaded once for this module by the real ``load_demo_content`` command. The queries use other
forms than the titles (plural for singular, no accents, Arabic prefixes, another case) on purpose. The mean
reciprocal rank over all queries is printed.
"""

import re

import pytest

# (language, query, title of the expected page)
QUERIES = [
    ("fr", "jury citoyen eau", "Un jury citoyen sur l'eau dans les oasis"),
    ("fr", "circuit petitions", "Circuit de traitement des pétitions régionales"),
    ("fr", "budgets participatifs jeunes", "Budget participatif régional des jeunes"),
    ("fr", "economie bleue", "Tester les projets de l'économie bleue à l'aune des générations futures"),
    ("fr", "ECOSSE", "Le budget participatif en Écosse"),
    ("fr", "revue pairs", "Revue par les pairs entre régions"),
    ("fr", "cartographie des acteurs", "Cartographie des acteurs territoriaux"),
    ("fr", "ondes regionales PDR", "Expliquer le PDR sur les ondes régionales"),
    ("fr", "budgetisation genre", "Formation à la budgétisation sensible au genre"),
    ("fr", "liberte d'information", "Les schémas de publication de la loi britannique sur la liberté d'information"),
    ("fr", "registre des deliberations", "Un registre en ligne des délibérations du conseil"),
    ("ar", "الواحات", "هيئة تداولية من المواطنين حول الماء في الواحات"),
    ("ar", "العرائض الجهوية", "مسار معالجة العرائض الجهوية"),
    ("ar", "اسكتلندا", "الميزانية التشاركية في اسكتلندا"),
    ("ar", "الاقتصاد الازرق", "اختبار مشاريع الاقتصاد الأزرق بمعيار الأجيال القادمة"),
    ("ar", "خرائطية الفاعلين", "خرائطية الفاعلين الترابيين"),
    ("ar", "ويلز", "قانون رفاه الأجيال القادمة في ويلز"),
    ("ar", "بالإذاعة", "شرح برنامج التنمية الجهوية عبر الإذاعة الجهوية"),
    ("ar", "عدة إحداث الهيئات", "عُدّة إحداث الهيئات الاستشارية وتنشيطها"),
    ("ar", "ميزانية المواطن", "التقرير السنوي الموجه للمواطن وميزانية المواطن"),
    ("ar", "حرية المعلومات", "مخططات النشر في القانون البريطاني لحرية المعلومات"),
    ("en", "citizens jury oases", "A citizens' jury on water in the oases"),
    ("en", "petition handling", "Regional petition handling process"),
    ("en", "Scotland budgeting", "Participatory budgeting in Scotland"),
    ("en", "blue economy", "Testing blue economy projects against the needs of future generations"),
    ("en", "stakeholder mapping", "Mapping local stakeholders"),
    ("en", "Wales future generations act", "The Well-being of Future Generations (Wales) Act"),
    ("en", "local radio", "Explaining the regional development programme on local radio"),
    ("en", "consultative bodies kit", "Consultative bodies set-up and facilitation kit"),
    ("en", "citizens budget annual report", "Citizens' annual report and citizens' budget"),
    ("en", "freedom of information", "Freedom of Information publication schemes"),
    ("en", "peer challenge", "The Local Government Association's peer challenge"),
]


RESULT_TITLE = re.compile(r'class="search-result__title"><a href="[^"]+">([^<]+)</a>')


def ranked_titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [
        t.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")
        for t in RESULT_TITLE.findall(response.content.decode())
    ]


def test_each_query_finds_its_page_in_the_top_three(client, demo):
    reciprocal_ranks, misses = [], []
    for language, query, expected in QUERIES:
        titles = ranked_titles(client, language, query)
        rank = titles.index(expected) + 1 if expected in titles else None
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        if rank is None or rank > 3:
            misses.append((language, query, expected, titles[:3]))
    mrr = sum(reciprocal_ranks) / len(reciprocal_ranks)
    per_language = {
        lang: sum(r for (lg, _q, _e), r in zip(QUERIES, reciprocal_ranks, strict=True) if lg == lang)
        / sum(1 for lg, _q, _e in QUERIES if lg == lang)
        for lang in ("fr", "ar", "en")
    }
    print(
        f"\nsearch relevance: {len(QUERIES)} queries, mean reciprocal rank {mrr:.3f} "
        + " ".join(f"{k} {v:.3f}" for k, v in per_language.items())
    )
    assert len([q for q in QUERIES if q[0] == "fr"]) >= 10
    assert len([q for q in QUERIES if q[0] == "ar"]) >= 10
    assert len([q for q in QUERIES if q[0] == "en"]) >= 10
    assert misses == []


def test_results_name_their_type_region_and_theme(client, demo):
    body = client.get("/fr/search/", {"q": "jury citoyen eau"}).content.decode()
    first = body[body.index('class="search-result"') :]
    first = first[: first.index("</li>")]
    assert "Expérience" in first or "expérience" in first
    assert "Drâa-Tafilalet" in first
    assert "Participation citoyenne" in first


def test_facets_count_and_filter_by_type_theme_and_region(client, demo):
    body = client.get("/fr/search/", {"q": "budget"}).content.decode()
    facets = dict(re.findall(r'<a href="\?[^"]*region=(\d\d)[^"]*"[^>]*>[^<]+<span class="count">\((\d+)\)', body))
    assert facets, "region facet missing"
    region, count = next(iter(facets.items()))
    filtered = client.get("/fr/search/", {"q": "budget", "region": region}).content.decode()
    assert len(RESULT_TITLE.findall(filtered)) == min(int(count), 10)
    assert (
        client.get("/fr/search/", {"q": "budget", "theme": "participation", "type": "toolkit.toolpage"}).status_code
        == 200
    )


@pytest.mark.parametrize(("language", "query"), [("fr", "budget"), ("ar", "الميزانية"), ("en", "budget")])
def test_demo_results_stay_in_their_language(client, demo, language, query):
    body = client.get(f"/{language}/search/", {"q": query}).content.decode()
    hrefs = re.findall(r'class="search-result__title"><a href="([^"]+)"', body)
    assert hrefs
    assert all(h.startswith(f"/{language}/") for h in hrefs)
