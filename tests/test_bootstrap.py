"""bootstrap_portal: idempotent, groups and their permissions, demo accounts."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Locale, Page, Site

from approvals.partners import PARTNER_GROUP_NAMES
from cms.roles import COUNCIL_GROUPS
from home.models import HomePage

GROUPS = {
    "Editors",
    "DGCT reviewers",
    "ARM reviewers",
    "British Embassy reviewers",
    "Translators (ar)",
    "Translators (en)",
    "Translators (fr)",
    *COUNCIL_GROUPS.values(),
}


def portal_state():
    """Everything bootstrap_portal is responsible for, in comparable form."""
    return {
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "groups": sorted(
            (g.name, tuple(sorted(g.permissions.values_list("codename", flat=True)))) for g in Group.objects.all()
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")
        ),
        "pages": sorted(Page.objects.values_list("id", "locale__language_code", "live", "latest_revision_id")),
        "sites": sorted(Site.objects.values_list("hostname", "root_page_id", "is_default_site")),
    }


def run_bootstrap(**options):
    out = io.StringIO()
    call_command("bootstrap_portal", stdout=out, **options)
    return out.getvalue()


def test_bootstrap_from_scratch_then_again_changes_nothing(portal):
    # Start from what Wagtail's migrations leave: no portal pages, groups or extra locales.
    HomePage.objects.all().delete()
    Group.objects.all().delete()
    Locale.objects.exclude(language_code="fr").delete()

    first = run_bootstrap()
    assert "created and published the French home page" in first
    state = portal_state()

    second = run_bootstrap()
    assert "nothing changed" in second
    assert portal_state() == state

    assert state["locales"] == ["ar", "en", "fr"]
    assert {name for name, _perms in state["groups"]} == GROUPS
    homes = HomePage.objects.select_related("locale")
    assert sorted(h.locale.language_code for h in homes if h.live) == ["ar", "en", "fr"]
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "fr"
    french = HomePage.objects.get(locale__language_code="fr")
    assert {p.locale.language_code for p in french.get_translations()} == {"ar", "en"}


def test_no_group_may_publish(portal):
    """No page publish permission anywhere. The reviewer groups hold the toolkit snippets' ``publish`` permission,
    which Wagtail's snippet unpublish view asks for; publishing itself is refused by the guard (approvals tests)."""
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()
    publish = Permission.objects.filter(codename__startswith="publish")
    holders = Group.objects.filter(permissions__in=publish).distinct()
    assert set(holders.values_list("name", flat=True)) == set(PARTNER_GROUP_NAMES)
    for group in holders:
        held = set(
            group.permissions.filter(codename__startswith="publish").values_list("content_type__app_label", "codename")
        )
        assert held == {("toolkit", f"publish_{model}") for model in ("adoption", "theme", "partner", "sitefooter")}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_translator_group_holds_permissions_only_in_its_own_locale_tree(portal, language):
    group = Group.objects.get(name=f"Translators ({language})")
    granted = GroupPagePermission.objects.filter(group=group)
    assert {p.page_id for p in granted} == {portal[language].pk}
    assert {p.permission.codename for p in granted} == {"change_page"}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_editors_may_add_and_change_in_every_locale_tree(portal, users, language):
    permissions = portal[language].permissions_for_user(users["editor"])
    assert permissions.permissions == {"add", "change"}
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_arabic_translator_can_open_arabic_home_and_not_the_french_one(client, portal, users):
    client.force_login(users["translator_ar"])
    assert client.get(f"/admin/pages/{portal['ar'].pk}/edit/").status_code == 200
    french = portal["fr"]
    before = french.get_latest_revision().pk
    response = client.post(f"/admin/pages/{french.pk}/edit/", {"title": "Hacked", "slug": "accueil"})
    assert response.status_code in (302, 403)
    french.refresh_from_db()
    assert french.title == "Régionalisation avancée"
    assert french.get_latest_revision().pk == before
    assert client.get(f"/admin/pages/{portal['en'].pk}/edit/").status_code in (302, 403)


def test_demo_users_one_per_group(portal, users):
    expected = {
        "editor": "Editors",
        "dgct": "DGCT reviewers",
        "arm": "ARM reviewers",
        "embassy": "British Embassy reviewers",
        "translator_ar": "Translators (ar)",
        "translator_en": "Translators (en)",
        "translator_fr": "Translators (fr)",
    }
    for username, group in expected.items():
        assert list(users[username].groups.values_list("name", flat=True)) == [group]
        assert users[username].check_password("test-demo-password")


def test_demo_users_refused_when_debug_is_off_without_force(portal, django_user_model):
    django_user_model.objects.filter(username="editor").delete()
    with pytest.raises(CommandError, match="DEBUG=False"):
        run_bootstrap(demo_users=True, password="x-long-password")
    assert not django_user_model.objects.filter(username="editor").exists()


def test_demo_users_need_a_password(portal, monkeypatch):
    monkeypatch.delenv("PORTAL_DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="password"):
        run_bootstrap(demo_users=True, force=True)
