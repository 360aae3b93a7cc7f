"""The toolkit's snippets (themes, partners, the footer, tool adoptions) are public content: partner approval applies.

Driven through the real snippet admin views, the workflow action URLs and wagtail-localize's views. Every refusal
asserts that nothing public changed: the snippet's row (what the public site reads) keeps its live content.
"""

import io
from html import unescape
from urllib.parse import urlencode

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from approvals.audit import EMERGENCY_PUBLISH_ACTION
from approvals.models import EmergencyPublication, PartnerDecision
from approvals.operator import publish_as_operator
from approvals.tests.helpers import (
    NON_SUPERUSER_ROLES,
    approve_snippet_by_all,
    decide_snippet,
    refused,
    snippet_state,
    snippet_task_state,
    snippet_url,
)
from toolkit.lookups import Catalogue
from toolkit.models import SiteFooter, Theme

pytestmark = pytest.mark.django_db

APPROVED_ABOUT = "Programme approuvé par les trois partenaires."
DRAFT_ABOUT = "Texte proposé, pas encore approuvé."
REASON = "Coordonnées de contact erronées à corriger sans délai."


@pytest.fixture
def footer(portal):
    """The French footer, live (published by an operator), no review started."""
    footer = SiteFooter.objects.filter(locale=portal["fr"].locale).first() or SiteFooter(locale=portal["fr"].locale)
    footer.about, footer.contact = APPROVED_ABOUT, "contact@example.org"
    if footer.pk is None:
        footer.save()
    footer.save_revision()
    return publish_as_operator(footer, "test")


@pytest.fixture
def theme(portal):
    theme = Theme(locale=portal["fr"].locale, slug="cooperation-test", name="Coopération")
    theme.save()
    return publish_as_operator(theme, "test")


@pytest.fixture
def theme_with_draft(theme, users):
    """A live theme with a newer, unapproved draft revision by the editor, under review."""
    theme.name = "Nom non approuvé"
    revision = theme.save_revision(user=users["editor"])
    theme.get_workflow().start(theme, users["editor"])
    assert Theme.objects.get(pk=theme.pk).name == "Coopération"
    assert revision.pk == Theme.objects.get(pk=theme.pk).latest_revision_id
    return Theme.objects.get(pk=theme.pk)


def edit_footer(client, footer, action=None, **changes):
    data = {"about": footer.about, "contact": footer.contact, **changes}
    if action:
        data[action] = "1"
    return client.post(snippet_url(footer, "edit", footer.pk), data)


def public_footer(client, language="fr"):
    return client.get(f"/{language}/").content.decode()


# The rule ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("order", [("dgct", "arm", "embassy"), ("embassy", "arm", "dgct")])
def test_an_edit_to_the_footer_is_public_only_after_the_three_partners_approve(client, clients, footer, order):
    assert edit_footer(clients["editor"], footer, "action-submit", about=DRAFT_ABOUT).status_code == 302
    submitted = SiteFooter.objects.get(pk=footer.pk)
    assert submitted.latest_revision_id != footer.live_revision_id
    assert DRAFT_ABOUT not in public_footer(client) and APPROVED_ABOUT in public_footer(client)

    for reviewer in order[:2]:
        assert decide_snippet(clients[reviewer], footer).status_code == 302
        assert DRAFT_ABOUT not in public_footer(client)
        assert snippet_state(footer)["about"] == APPROVED_ABOUT

    assert decide_snippet(clients[order[2]], footer).status_code == 302
    assert DRAFT_ABOUT in public_footer(client)
    live = SiteFooter.objects.get(pk=footer.pk)
    assert live.live_revision_id == submitted.latest_revision_id
    decisions = PartnerDecision.objects.filter(revision_id=submitted.latest_revision_id)
    assert set(decisions.values_list("partner", flat=True)) == {"dgct", "arm", "embassy"}
    assert set(decisions.values_list("language", flat=True)) == {"fr"}


def test_an_edit_after_two_approvals_resets_them(client, clients, footer):
    edit_footer(clients["editor"], footer, "action-submit", about=DRAFT_ABOUT)
    decide_snippet(clients["dgct"], footer)
    decide_snippet(clients["arm"], footer)

    assert edit_footer(clients["editor"], footer, about="Troisième version.").status_code == 302
    latest = SiteFooter.objects.get(pk=footer.pk).latest_revision_id
    assert snippet_task_state(footer).revision_id == latest
    assert not PartnerDecision.objects.for_revision(latest).exists()

    decide_snippet(clients["embassy"], footer)
    assert "Troisième version." not in public_footer(client)
    assert snippet_state(footer)["about"] == APPROVED_ABOUT

    decide_snippet(clients["dgct"], footer)
    decide_snippet(clients["arm"], footer)
    assert "Troisième version." in public_footer(client)
    assert SiteFooter.objects.get(pk=footer.pk).live_revision_id == latest


def test_a_reviewer_decides_once_for_their_own_partner_and_never_on_their_own_revision(clients, theme_with_draft):
    assert decide_snippet(clients["dgct"], theme_with_draft).status_code == 302
    again = decide_snippet(clients["dgct"], theme_with_draft)
    assert refused(again) or again.status_code == 403
    assert list(PartnerDecision.objects.values_list("partner", flat=True)) == ["dgct"]

    # ARM's reviewer cannot edit the theme during review (reviewers decide, they do not write): no revision of theirs.
    before = Theme.objects.get(pk=theme_with_draft.pk).latest_revision_id
    data = {"name": "Nom revu par l'ARM", "slug": theme_with_draft.slug, "description": ""}
    assert clients["arm"].post(snippet_url(theme_with_draft, "edit", theme_with_draft.pk), data).status_code == 302
    assert Theme.objects.get(pk=theme_with_draft.pk).latest_revision_id == before
    assert snippet_state(theme_with_draft)["name"] == "Coopération"


def test_an_adoption_and_a_theme_created_in_the_admin_start_as_drafts(clients, portal):
    response = clients["editor"].post(
        snippet_url(Theme, "add") + "?locale=fr", {"name": "Gouvernance", "slug": "gouvernance", "description": ""}
    )
    assert response.status_code == 302
    created = Theme.objects.get(slug="gouvernance")
    assert created.live is False
    assert "gouvernance" not in Catalogue(portal["fr"].locale).themes


# No bypass -----------------------------------------------------------------------------------------------------------
def publish_from_the_editor(client, theme, **ctx):
    data = {"name": "Publié directement ?", "slug": theme.slug, "description": "", "action-publish": "1"}
    client.post(snippet_url(theme, "edit", theme.pk), data)


def schedule_from_the_editor(client, theme, **ctx):
    go_live = (timezone.now() + timezone.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    data = {"name": "Programmé ?", "slug": theme.slug, "description": "", "go_live_at": go_live, "action-publish": "1"}
    client.post(snippet_url(theme, "edit", theme.pk), data)


def publish_a_revision_from_history(client, theme, **ctx):
    revision = Theme.objects.get(pk=theme.pk).latest_revision
    data = {"name": "Nom non approuvé", "slug": theme.slug, "description": "", "action-publish": "1"}
    client.post(snippet_url(theme, "revisions_revert", theme.pk, revision.pk), data)


def sync_translations_with_publish(client, theme, **ctx):
    source, _created = TranslationSource.get_or_create_from_instance(Theme.objects.get(pk=theme.pk))
    client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"})


def translation_editor_publish(client, theme, arabic_theme, **ctx):
    client.post(snippet_url(arabic_theme, "edit", arabic_theme.pk), {"action": "publish"})


def submit_a_live_snippet_for_translation(client, theme, **ctx):
    locales = list(Locale.objects.exclude(language_code="fr").values_list("pk", flat=True))
    url = reverse("wagtail_localize:submit_snippet_translation", args=["toolkit", "theme", theme.pk])
    with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True):
        client.post(url, {"locales": locales})


PATHS = [
    publish_from_the_editor,
    schedule_from_the_editor,
    publish_a_revision_from_history,
    sync_translations_with_publish,
    translation_editor_publish,
    submit_a_live_snippet_for_translation,
]


@pytest.fixture
def arabic_theme(clients, theme_with_draft):
    """The theme's Arabic translation, created by the editor through wagtail-localize: a draft."""
    ar = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["toolkit", "theme", theme_with_draft.pk])
    assert clients["editor"].post(url, {"locales": [ar.pk]}).status_code == 302
    translated = theme_with_draft.get_translation(ar)
    assert translated.live is False
    return translated


def public_themes():
    return set(Theme.objects.filter(live=True).values_list("locale__language_code", "slug", "name"))


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
@pytest.mark.parametrize("role", [*NON_SUPERUSER_ROLES, "admin"])
def test_no_role_publishes_an_unapproved_snippet_revision(clients, theme_with_draft, arabic_theme, role, path, take):
    before = snippet_state(theme_with_draft), snippet_state(arabic_theme), public_themes()
    take(path, clients[role], theme_with_draft, arabic_theme=arabic_theme)
    assert (snippet_state(theme_with_draft), snippet_state(arabic_theme), public_themes()) == before
    assert before[0]["name"] == "Coopération" and before[1]["live"] is False


def test_the_snippet_editor_offers_no_publish_button_even_to_a_superuser(clients, theme_with_draft):
    html = clients["admin"].get(snippet_url(theme_with_draft, "edit", theme_with_draft.pk)).content.decode()
    assert 'name="action-publish"' not in html
    assert emergency_url(theme_with_draft) in html
    editor_html = clients["editor"].get(snippet_url(theme_with_draft, "edit", theme_with_draft.pk)).content.decode()
    assert 'name="action-publish"' not in editor_html and emergency_url(theme_with_draft) not in editor_html
    assert "data-partner-approval" in editor_html


def test_any_code_path_publishing_an_unapproved_snippet_revision_is_refused(theme_with_draft):
    revision = Theme.objects.get(pk=theme_with_draft.pk).latest_revision
    with pytest.raises(PermissionDenied):
        revision.publish(skip_permission_checks=True)
    with pytest.raises(PermissionDenied):
        revision.approved_go_live_at = timezone.now()
        revision.save(update_fields=["approved_go_live_at"])
    # Writing the row directly keeps the live content: only bookkeeping fields are saved.
    theme = Theme.objects.get(pk=theme_with_draft.pk)
    theme.name = "Écrit directement"
    theme.save()
    assert snippet_state(theme_with_draft)["name"] == "Coopération"
    draft = Theme(locale=theme.locale, slug="brouillon", name="Brouillon", live=True)
    draft.save()
    assert Theme.objects.get(pk=draft.pk).live is False


def test_a_translators_edit_of_a_live_snippet_translation_stays_a_draft(clients, theme, users):
    ar = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["toolkit", "theme", theme.pk])
    clients["editor"].post(url, {"locales": [ar.pk]})
    arabic = publish_as_operator(theme.get_translation(ar), "test")
    before = snippet_state(arabic)
    assert before["live"] is True

    source = TranslationSource.objects.get(object_id=theme.translation_key)
    translation = source.translations.get(target_locale=ar)
    translation.save_target(user=users["translator_ar"], publish=False)

    assert snippet_state(arabic) == before
    assert Theme.objects.get(pk=arabic.pk).has_unpublished_changes is True


# Emergency publication and unpublishing -----------------------------------------------------------------------------
def emergency_url(obj):
    return reverse("approvals:emergency_publish_snippet", args=["toolkit", type(obj)._meta.model_name, obj.pk])


@pytest.mark.parametrize("role", NON_SUPERUSER_ROLES)
def test_emergency_publication_of_a_snippet_is_refused_to_non_superusers(clients, theme_with_draft, role):
    before = snippet_state(theme_with_draft)
    response = clients[role].post(emergency_url(theme_with_draft), {"reason": REASON})
    assert refused(response) or response.status_code == 403
    assert snippet_state(theme_with_draft) == before
    assert not EmergencyPublication.objects.exists()


def test_emergency_publication_of_a_snippet_needs_a_reason_and_is_flagged_and_reviewed(clients, theme_with_draft):
    before = snippet_state(theme_with_draft)
    response = clients["admin"].post(emergency_url(theme_with_draft), {"reason": ""})
    assert response.status_code == 200 and response.context["form"].errors
    assert snippet_state(theme_with_draft) == before

    latest = Theme.objects.get(pk=theme_with_draft.pk).latest_revision_id
    response = clients["admin"].post(emergency_url(theme_with_draft), {"reason": REASON})
    assert response.status_code == 302
    live = Theme.objects.get(pk=theme_with_draft.pk)
    assert (live.name, live.live_revision_id) == ("Nom non approuvé", latest)
    record = EmergencyPublication.objects.get()
    assert (record.revision_id, record.reason, record.object_id, record.page_id) == (latest, REASON, str(live.pk), None)
    assert ModelLogEntry.objects.filter(object_id=str(live.pk), action=EMERGENCY_PUBLISH_ACTION).exists()
    assert snippet_task_state(live).revision_id == latest  # the partners' review of the live revision is on
    html = clients["admin"].get(snippet_url(live, "edit", live.pk)).content.decode()
    assert "data-emergency-flag" in html


@pytest.mark.parametrize("role", ["dgct", "arm", "embassy", "admin"])
def test_reviewers_can_unpublish_a_snippet(clients, footer, client, role):
    response = clients[role].post(snippet_url(footer, "unpublish", footer.pk))
    assert response.status_code == 302
    assert SiteFooter.objects.get(pk=footer.pk).live is False
    assert APPROVED_ABOUT not in public_footer(client)


def test_reviewers_find_unpublish_in_the_snippet_listing_and_editors_do_not(clients, footer):
    listing = snippet_url(SiteFooter, "list")
    reviewer_html = clients["embassy"].get(listing).content.decode()
    assert snippet_url(footer, "unpublish", footer.pk) in reviewer_html
    editor_html = clients["editor"].get(listing).content.decode()
    assert str(footer) in editor_html and snippet_url(footer, "unpublish", footer.pk) not in editor_html


@pytest.mark.parametrize(
    "role", ["editor", "translator_ar", "translator_en", "translator_fr", "council_04", "council_09"]
)
def test_editors_and_translators_cannot_unpublish_a_snippet(clients, footer, role):
    before = snippet_state(footer)
    response = clients[role].post(snippet_url(footer, "unpublish", footer.pk))
    assert refused(response) or response.status_code == 403
    assert snippet_state(footer) == before


def test_editors_delete_drafts_but_not_live_snippets(clients, footer, portal):
    response = clients["editor"].post(snippet_url(footer, "delete", footer.pk))
    assert refused(response) or response.status_code == 403
    assert snippet_state(footer)["live"] is True and APPROVED_ABOUT in public_footer(Client())

    bulk = reverse("wagtail_bulk_action", args=["toolkit", "sitefooter", "delete"]) + f"?id={footer.pk}"
    response = clients["editor"].post(bulk)
    assert refused(response) or response.status_code == 403
    assert SiteFooter.objects.filter(pk=footer.pk, live=True).exists()

    draft = Theme(locale=portal["fr"].locale, slug="brouillon", name="Brouillon")
    draft.save()
    assert clients["editor"].post(snippet_url(draft, "delete", draft.pk)).status_code == 302
    assert not Theme.objects.filter(pk=draft.pk).exists()

    # Once a reviewer has taken it down, the editor may delete it.
    clients["dgct"].post(snippet_url(footer, "unpublish", footer.pk))
    assert clients["editor"].post(snippet_url(footer, "delete", footer.pk)).status_code == 302
    assert not SiteFooter.objects.filter(pk=footer.pk).exists()


# Visibility ----------------------------------------------------------------------------------------------------------
def test_reviewers_are_mailed_and_the_dashboard_and_report_list_snippets(clients, users, footer, mailoutbox):
    for user in users.values():
        user.email = f"{user.username}@example.org"
        user.save()
    with override_settings(DEFAULT_FROM_EMAIL="portail@example.org"):
        edit_footer(clients["editor"], footer, "action-submit", about=DRAFT_ABOUT)
    mailed = {address for message in mailoutbox for address in message.to}
    assert {"dgct@example.org", "arm@example.org", "embassy@example.org"} <= mailed
    assert "editor@example.org" not in mailed

    dashboard = clients["arm"].get(reverse("wagtailadmin_home")).content.decode()
    assert snippet_url(footer, "edit", footer.pk) in dashboard

    decide_snippet(clients["dgct"], footer, "reject", comment="Précisez l'adresse.")
    report = clients["editor"].get(reverse("approvals:report")).content.decode()
    assert "Précisez l&#x27;adresse." in report or "Précisez l'adresse." in report
    assert str(footer) in report


def test_snippet_decisions_survive_purge_revisions(clients, footer):
    edit_footer(clients["editor"], footer, "action-submit", about=DRAFT_ABOUT)
    approve_snippet_by_all(clients, footer)
    before = list(PartnerDecision.objects.values_list("revision_id", "partner", "decision"))
    assert len(before) == 3
    edit_footer(clients["editor"], footer, about="Encore une version.")
    call_command("purge_revisions", days=0, stdout=io.StringIO())
    assert list(PartnerDecision.objects.values_list("revision_id", "partner", "decision")) == before


# Translating a snippet ------------------------------------------------------------------------------------------------
def test_a_translator_translates_a_theme_in_the_translation_editor_and_the_partners_publish_it(client, clients, theme):
    ar = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["toolkit", "theme", theme.pk])
    assert clients["editor"].post(url, {"locales": [ar.pk]}).status_code == 302
    arabic = theme.get_translation(ar)
    translation = Translation.objects.get(source__object_id=theme.translation_key, target_locale=ar)

    # Another language's translator is kept out; the Arabic translator gets the editor and its submit button.
    assert refused(clients["translator_en"].get(snippet_url(arabic, "edit", arabic.pk)))
    page = clients["translator_ar"].get(snippet_url(arabic, "edit", arabic.pk))
    assert page.status_code == 200
    assert '"canPublish": true' in unescape(page.content.decode())  # the editor's props
    assert refused(clients["translator_ar"].get(snippet_url(theme, "edit", theme.pk)))  # not the French one

    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data == "Coopération":
            segment_url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
            response = clients["translator_ar"].put(
                segment_url, urlencode({"value": "التعاون"}), content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code in (200, 201)
    response = clients["translator_ar"].post(snippet_url(arabic, "edit", arabic.pk), {"action": "publish"})
    assert response.status_code == 302
    submitted = Theme.objects.get(pk=arabic.pk)
    assert submitted.live is False and submitted.current_workflow_task_state is not None
    assert "cooperation-test" not in Catalogue(ar).themes

    approve_snippet_by_all(clients, submitted)
    assert Catalogue(ar).themes["cooperation-test"].name == "التعاون"
