"""council_04 is refused, and nothing changes, on region 09's page, experiences and adoption rows and on everything
outside its region, through every admin path: the page editor, create, delete, copy, move, unpublish, revision
revert, lock, workflow actions, bulk actions, snippets and the translation editor."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation

from approvals.models import PartnerDecision
from approvals.tests.helpers import refused, snippet_url
from councils.tests.helpers import (
    adoption_data,
    adoption_of,
    create,
    edit,
    experience_index,
    experience_of,
    region,
)
from institutional.models import InformationPage
from toolkit.models import Adoption, ExperiencePage, GuidePage, Partner, SiteFooter, Theme
from translations.tests.factories import put_string, segment, translation_of

pytestmark = pytest.mark.usefixtures("demo")


def snapshot(page):
    """What a refused request must leave as it was: the page row, its revisions, place, lock and review."""
    fresh = Page.objects.get(pk=page.pk)
    return {
        "latest_revision": fresh.latest_revision_id,
        "live_revision": fresh.live_revision_id,
        "live": fresh.live,
        "locked": fresh.locked,
        "path": fresh.path,
        "title": fresh.title,
        "reviews": WorkflowState.objects.filter(base_content_type_id=fresh.content_type_id, object_id=str(page.pk))
        .values_list("pk", "status")
        .count(),
        "pages": Page.objects.count(),
    }


OTHER_PAGES = ["region page (fr)", "region page (ar)", "experience (fr)", "home page", "guide", "legal notice"]


def other_region_pages():
    return {
        "region page (fr)": region("09"),
        "region page (ar)": region("09", "ar"),
        "experience (fr)": experience_of("09"),
        "home page": Page.objects.get(depth=2, locale__language_code="fr"),
        "guide": GuidePage.objects.filter(locale__language_code="fr").first(),
        "legal notice": InformationPage.objects.filter(locale__language_code="fr").first(),
    }


@pytest.fixture
def council(client, users):
    client.force_login(users["council_04"])
    return client


@pytest.mark.parametrize("name", OTHER_PAGES)
def test_page_editor_refuses_other_regions_and_everything_outside(council, users, name):
    page = other_region_pages()[name]
    before = snapshot(page)

    opened = council.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    submitted = edit(council, page, users["editor"], "action-submit", title="Détourné")
    saved = edit(council, page, users["editor"], title="Détourné")

    assert refused(opened) and refused(submitted) and refused(saved)
    assert snapshot(page) == before


@pytest.mark.parametrize("name", OTHER_PAGES)
def test_delete_copy_move_unpublish_lock_and_revert_are_refused(council, name):
    page = other_region_pages()[name]
    before = snapshot(page)
    revision = Page.objects.get(pk=page.pk).get_latest_revision()
    index = experience_index()

    responses = {
        "delete": council.post(reverse("wagtailadmin_pages:delete", args=[page.pk])),
        "copy": council.post(
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {"new_title": "Copie", "new_slug": "copie-04", "new_parent_page": index.pk},
        ),
        "move": council.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, index.pk])),
        "unpublish": council.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])),
        "lock": council.post(reverse("wagtailadmin_pages:lock", args=[page.pk])),
        "revert": council.post(
            reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]),
            {"title": "Rétabli", "slug": page.slug, "action-submit": "1"},
        ),
    }

    assert {path: refused(response) for path, response in responses.items()} == dict.fromkeys(responses, True)
    assert snapshot(page) == before


@pytest.mark.parametrize("action", ["delete", "publish", "unpublish", "move"])
def test_page_bulk_actions_are_refused(council, action):
    pages = [region("09"), experience_of("09"), region("04")]
    before = [snapshot(page) for page in pages]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    query = "?" + urlencode([("id", page.pk) for page in pages])

    response = council.post(url + query, {"include_descendants": "on", "chooser": experience_index().pk})

    assert refused(response)
    assert [snapshot(page) for page in pages] == before


def test_council_cannot_propose_an_experience_of_another_region(council, users):
    count = ExperiencePage.objects.count()

    response = create(
        council,
        ExperiencePage,
        experience_index(),
        users["council_04"],
        title="Expérience d'une autre région",
        slug="experience-autre-region",
        region=str(region("09").pk),
        year="2025",
        context="C.",
        actions="A.",
        results="R.",
        lessons="L.",
    )

    assert response.status_code == 200  # the form again: region 09 is not among the council's choices
    assert ExperiencePage.objects.count() == count


def test_council_cannot_create_pages_outside_the_proposal_indexes(council, users):
    home = Page.objects.get(depth=2, locale__language_code="fr").specific
    count = Page.objects.count()

    response = council.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    add = reverse("wagtailadmin_pages:add", args=["toolkit", "guidepage", GuidePage.objects.first().get_parent().pk])
    posted = council.post(add, {"title": "Guide", "slug": "guide-04", "action-submit": "1"})

    assert refused(response) and refused(posted)
    assert Page.objects.count() == count


def test_council_does_not_decide_in_another_regions_review(council, client, users):
    page = experience_of("09")
    editor = client.__class__()
    editor.force_login(users["editor"])
    assert edit(editor, page, users["editor"], "action-submit", context="Relu.").status_code == 302
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    before = snapshot(page)

    response = council.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
    )

    assert refused(response)
    assert not PartnerDecision.objects.filter(revision_id=before["latest_revision"]).exists()
    assert snapshot(page) == before


# Tool adoptions ------------------------------------------------------------------------------------------------------
def adoption_state(row):
    fresh = Adoption.objects.get(pk=row.pk)
    return (fresh.region_code, fresh.status, fresh.since, fresh.live, fresh.latest_revision_id)


def test_council_updates_its_own_adoption_rows_and_adds_new_ones(council, users):
    from approvals.tests.helpers import approve_snippet_by_all

    own = adoption_of("04")
    status = "adopted" if own.status != "adopted" else "piloting"

    edited = council.post(snippet_url(own, "edit", own.pk), {**adoption_data(own, status=status), "action-submit": "1"})
    tool = Adoption.objects.exclude(region_code="04").exclude(tool__adoption_records__region_code="04").first().tool
    added = council.post(
        snippet_url(Adoption, "add"),
        {**adoption_data(tool=str(tool.pk), region_code="04", status="planned"), "action-submit": "1"},
    )

    assert edited.status_code == 302 and added.status_code == 302
    assert Adoption.objects.get(pk=own.pk).status != status  # not public before the three approvals
    new = Adoption.objects.get(tool=tool, region_code="04")
    assert not new.live
    approve_snippet_by_all({role: _client(users[role]) for role in ("dgct", "arm", "embassy")}, own)
    approve_snippet_by_all({role: _client(users[role]) for role in ("dgct", "arm", "embassy")}, new)
    assert Adoption.objects.get(pk=own.pk).status == status
    assert Adoption.objects.get(pk=new.pk).live


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_adoption_rows_of_another_region_are_refused(council):
    other, own = adoption_of("09"), adoption_of("04")
    before = [adoption_state(other), adoption_state(own)]
    count = Adoption.objects.count()
    tool = Adoption.objects.exclude(tool__adoption_records__region_code="09").first().tool

    responses = {
        "open": council.get(snippet_url(other, "edit", other.pk)),
        "edit": council.post(snippet_url(other, "edit", other.pk), adoption_data(other, status="planned")),
        "move own row to 09": council.post(snippet_url(own, "edit", own.pk), adoption_data(own, region_code="09")),
        "create for 09": council.post(
            snippet_url(Adoption, "add"), adoption_data(tool=str(tool.pk), region_code="09", status="adopted")
        ),
        "delete": council.post(snippet_url(other, "delete", other.pk)),
        "delete own": council.post(snippet_url(own, "delete", own.pk)),
        "bulk delete": council.post(
            reverse("wagtail_bulk_action", args=["toolkit", "adoption", "delete"]) + f"?id={other.pk}&id={own.pk}"
        ),
        "revert": council.post(
            snippet_url(other, "revisions_revert", other.pk, Adoption.objects.get(pk=other.pk).latest_revision_id),
            adoption_data(other, status="planned"),
        ),
    }

    assert {path: refused(response) for path, response in responses.items()} == dict.fromkeys(responses, True)
    assert [adoption_state(other), adoption_state(own)] == before
    assert Adoption.objects.count() == count


@pytest.mark.parametrize("model", [Theme, Partner, SiteFooter])
def test_other_snippets_are_refused(council, model):
    obj = model.objects.first()
    count = model.objects.count()

    opened = council.get(snippet_url(obj, "edit", obj.pk))
    posted = council.post(snippet_url(obj, "edit", obj.pk), {"action-submit": "1"})
    added = council.post(snippet_url(model, "add"), {"action-submit": "1"})

    assert refused(opened) and refused(posted) and refused(added)
    assert model.objects.count() == count
    assert model.objects.get(pk=obj.pk).latest_revision_id == obj.latest_revision_id


# The translation editor ----------------------------------------------------------------------------------------------
def _strings(translation):
    return set(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("pk", "data")
    )


def test_translation_editor_refuses_another_regions_page(council):
    translation = translation_of(region("09"), "ar")
    introduction = segment(translation, region("09").introduction)
    before = _strings(translation)

    response = put_string(council, translation, introduction, "مقدمة مكتوبة من جهة أخرى")

    assert response.status_code == 403
    assert _strings(translation) == before


def test_translation_editor_keeps_the_council_to_its_own_sections(council):
    translation = translation_of(region("04"), "ar")
    page = region("04")
    before = _strings(translation)

    title = put_string(council, translation, segment(translation, page.title), "عنوان آخر")
    seat = put_string(council, translation, segment(translation, page.seat), "مقر آخر")
    override = council.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, 1]),
        data=urlencode({"value": "09"}),
        content_type="application/x-www-form-urlencoded",
    )
    machine = council.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))

    assert [r.status_code for r in (title, seat, override, machine)] == [403, 403, 403, 403]
    assert _strings(translation) == before


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_council_edits_only_the_experiences_it_proposed_not_those_the_editors_wrote(council, language):
    page = experience_of("04", language)
    before = snapshot(page)

    response = council.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert refused(response)
    assert snapshot(page) == before


def test_the_explorer_and_chooser_do_not_list_other_peoples_drafts(council, users):
    """Another region's unpublished proposal is neither listed nor found by its title; the council's own draft is."""
    index = experience_index()
    draft_09 = experience_of("09").copy(
        to=index,
        update_attrs={"title": "Brouillon confidentiel de Souss-Massa", "slug": "brouillon-09", "live": False},
        keep_live=False,
        user=users["editor"],
    )
    own = experience_of("04").copy(
        to=index,
        update_attrs={
            "title": "Brouillon de Rabat",
            "slug": "brouillon-04",
            "live": False,
            "owner": users["council_04"],
        },
        keep_live=False,
        user=users["council_04"],
    )
    assert not Page.objects.get(pk=draft_09.pk).live and not Page.objects.get(pk=own.pk).live
    urls = [
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("wagtailadmin_explore", args=[index.pk]) + "?" + urlencode({"q": "Brouillon"}),
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        reverse("wagtailadmin_choose_page_search") + "?" + urlencode({"q": "Brouillon"}),
    ]
    for url in urls:
        response = council.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Brouillon confidentiel de Souss-Massa" not in html, url
    assert "Brouillon de Rabat" in council.get(urls[0]).content.decode()
    council.force_login(users["editor"])
    assert "Brouillon confidentiel de Souss-Massa" in council.get(urls[0]).content.decode()
