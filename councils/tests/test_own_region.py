"""A council writes its own region's content, in French and in Arabic; nothing of it is public before the three
partners approved it."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from councils.tests.helpers import (
    create,
    edit,
    experience_index,
    fresh,
    region,
    tool_index,
)
from toolkit.models import ExperiencePage, ToolPage
from translations.tests.factories import approve_until_finished, put_string, segment, translation_of

pytestmark = pytest.mark.usefixtures("demo")


def test_council_edits_its_region_page_sections_and_they_go_live_after_the_three_approvals(client, users):
    page = region("04")
    before = fresh(page)
    client.force_login(users["council_04"])

    response = edit(
        client,
        page,
        users["council_04"],
        "action-submit",
        introduction="Nouvelle présentation du conseil.",
        contact_phone="+212 537 00 00 00",
        title="Titre détourné",
        slug="titre-detourne",
        code="09",
        seat="Agadir",
        summary="Résumé détourné",
    )

    assert response.status_code == 302, response.content[:800]
    submitted = fresh(page)
    assert submitted.workflow_in_progress
    assert (submitted.introduction, submitted.contact_phone) == (before.introduction, before.contact_phone)
    draft = submitted.get_latest_revision_as_object()
    assert draft.introduction == "Nouvelle présentation du conseil."
    assert draft.contact_phone == "+212 537 00 00 00"
    # The fields the editors keep are not the council's: whatever was posted, they stay as they were.
    assert (draft.title, draft.slug, draft.code, draft.seat, draft.summary) == (
        before.title,
        before.slug,
        before.code,
        before.seat,
        before.summary,
    )

    approve_until_finished(client, page, users)

    live = fresh(page)
    assert live.introduction == "Nouvelle présentation du conseil."
    assert live.contact_phone == "+212 537 00 00 00"
    assert (live.title, live.code, live.seat) == (before.title, "04", before.seat)


def test_council_cannot_publish_its_region_page_from_the_editor(client, users):
    page = region("04")
    client.force_login(users["council_04"])

    response = edit(client, page, users["council_04"], "action-publish", introduction="Publiée sans validation ?")

    live = fresh(page)
    assert live.introduction != "Publiée sans validation ?"
    assert live.live_revision_id == region("04").live_revision_id
    assert response.status_code in (302, 403)
    assert "action-publish" not in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_council_proposes_an_experience_of_its_region_that_goes_live_after_the_three_approvals(client, users, language):
    index = experience_index(language)
    client.force_login(users["council_04"])
    title = {"fr": "Guichet des pétitions itinérant", "ar": "شباك العرائض المتنقل"}[language]

    response = create(
        client,
        ExperiencePage,
        index,
        users["council_04"],
        title=title,
        slug={"fr": "guichet-itinerant", "ar": "شباك-متنقل"}[language],
        region=str(region("04").pk),
        year="2025",
        context="Contexte.",
        actions="Actions.",
        results="Résultats.",
        lessons="Leçons.",
    )

    assert response.status_code == 302, response.content[:800]
    page = ExperiencePage.objects.get(title=title)
    assert page.locale.language_code == language
    assert page.owner == users["council_04"]
    assert not page.live and page.workflow_in_progress

    approve_until_finished(client, page, users)

    assert fresh(page).live


def _propose_tool(client, user, title, regions, **fields):
    return create(
        client,
        ToolPage,
        tool_index("fr"),
        user,
        title=title,
        slug=title.lower().replace(" ", "-").replace("é", "e"),
        tool_type="method",
        developed_by_regions=[str(region(code).pk) for code in regions],
        **fields,
    )


def test_council_proposes_a_tool_its_council_developed_and_cannot_feature_it(client, users):
    client.force_login(users["council_04"])

    response = _propose_tool(client, users["council_04"], "Registre des pétitions", ["04"], featured="on")

    assert response.status_code == 302, response.content[:800]
    page = ToolPage.objects.get(title="Registre des pétitions")
    assert list(page.developed_by_regions.values_list("code", flat=True)) == ["04"]
    assert not page.featured  # the home page's selection stays the editors'
    assert not page.live and page.workflow_in_progress
    assert Page.objects.get(pk=page.pk).owner_id == users["council_04"].pk


@pytest.mark.parametrize("regions", [["09"], ["04", "09"], []])
def test_council_cannot_propose_a_tool_of_another_region(client, users, regions):
    client.force_login(users["council_04"])
    count = ToolPage.objects.count()

    response = _propose_tool(client, users["council_04"], "Outil d'une autre région", regions)

    assert response.status_code == 200  # the form again, with the reason
    assert ToolPage.objects.count() == count


def test_council_writes_its_arabic_region_page_contacts_in_the_translation_editor(client, users):
    arabic = region("04", "ar")
    translation = translation_of(region("04"), "ar")
    office = segment(translation, region("04").contact_office)
    client.force_login(users["council_04"])

    saved = put_string(client, translation, office, "مديرية التعاون والتواصل بمجلس الجهة")
    submitted = client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})

    assert saved.status_code in (200, 201), saved.content[:500]
    assert submitted.status_code == 302
    assert fresh(arabic).contact_office != "مديرية التعاون والتواصل بمجلس الجهة"  # not public yet
    assert fresh(arabic).workflow_in_progress

    approve_until_finished(client, arabic, users)

    assert fresh(arabic).contact_office == "مديرية التعاون والتواصل بمجلس الجهة"


def test_an_arabic_first_proposal_is_the_source_and_the_french_translator_translates_it(client, users):
    client.force_login(users["council_04"])
    create(
        client,
        ExperiencePage,
        experience_index("ar"),
        users["council_04"],
        title="منصة العرائض الجهوية",
        slug="منصة-العرائض",
        region=str(region("04").pk),
        year="2025",
        context="سياق.",
        actions="إجراءات.",
        results="نتائج.",
        lessons="دروس.",
    )
    arabic = ExperiencePage.objects.get(title="منصة العرائض الجهوية")
    approve_until_finished(client, arabic, users)
    client.force_login(users["editor"])
    started = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[arabic.pk]),
        {"locales": [experience_index("fr").locale_id]},
    )
    assert started.status_code == 302, started.content[:800]
    translation = Translation.objects.get(source__object_id=arabic.translation_key, target_locale__language_code="fr")
    assert translation.source.locale.language_code == "ar"
    french = ExperiencePage.objects.get(translation_key=arabic.translation_key, locale__language_code="fr")

    client.force_login(users["translator_fr"])
    opened = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    saved = put_string(client, translation, segment(translation, "منصة العرائض الجهوية"), "Plateforme des pétitions")
    submitted = client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})

    assert opened.status_code == 200
    assert saved.status_code in (200, 201), saved.content[:500]
    assert submitted.status_code == 302
    approve_until_finished(client, french, users)
    assert fresh(french).live and fresh(french).title == "Plateforme des pétitions"
    assert fresh(arabic).title == "منصة العرائض الجهوية"
