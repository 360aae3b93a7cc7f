"""The embeddable region widget (dissemination/embed.py) and the code the region page offers to copy."""

import html
import re

import pytest

from toolkit.models import AdoptionStatus
from toolkit.reference import REGION_CODES
from toolkit.tests import factories

LANGUAGES = ("fr", "ar", "en")


@pytest.fixture
def region(portal):
    tree = factories.toolkit_tree(portal["fr"])
    regions = factories.twelve_regions(tree["regions"])
    region = regions[REGION_CODES[0]]
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    factories.AdoptionFactory(tool=tool, region_code=region.code, status=AdoptionStatus.choices[0][0])
    other = factories.ToolPageFactory(parent=tree["tools"], title="Outil d’une autre région")
    factories.AdoptionFactory(tool=other, region_code=REGION_CODES[1])
    return {"fr": region, "tool": tool, "tree": tree}


def test_widget_lists_the_region_tools_with_status_and_links_in_a_new_tab(client, region):
    response = client.get(f"/fr/embed/region/{region['fr'].code}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Budget participatif" in page and "Outil d’une autre région" not in page
    assert f'href="{region["tool"].url}" target="_blank" rel="noopener"' in page
    assert f'href="{region["fr"].url}"' in page  # the source: the region's page on the portal
    assert "<header" not in page and "<footer" not in page and "<script" not in page
    assert str(AdoptionStatus.choices[0][1]) in page


def test_widget_sets_no_cookie_and_may_be_framed_by_any_site(client, region):
    response = client.get(f"/fr/embed/region/{region['fr'].code}/")

    assert not response.cookies and "Set-Cookie" not in response
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    # Every other public page still refuses to be framed.
    page = client.get(region["fr"].url)
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_widget_in_arabic_is_right_to_left(client, region):
    translated = factories.translate(region["fr"], "ar")
    factories.translate(region["tool"], "ar")

    page = client.get(f"/ar/embed/region/{translated.code}/").content.decode()

    assert '<html lang="ar" dir="rtl">' in page
    assert "الأدوات المعتمدة" in page


@pytest.mark.parametrize("code", ["99", "xx", "0"])
def test_unknown_region_is_a_404(client, region, code):
    assert client.get(f"/fr/embed/region/{code}/").status_code == 404


def test_region_without_a_page_in_the_language_is_a_404(client, region):
    assert client.get(f"/en/embed/region/{region['fr'].code}/").status_code == 404


def test_region_page_offers_the_code_to_copy_in_its_language(client, region):
    page = client.get(region["fr"].url).content.decode()

    code = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    snippet = html.unescape(code)
    assert snippet.startswith(f'<iframe src="http://testserver/fr/embed/region/{region["fr"].code}/"')
    assert 'loading="lazy"' in snippet and 'title="' in snippet
    assert '<label for="embed-code">Code à copier</label>' in page
