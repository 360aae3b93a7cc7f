"""Every admin URL is classified, and a write to one nobody classified is refused (``approvals/endpoints.py``).

The walk covers every pattern under the admin: Wagtail's, wagtail-localize's and the portal's own. An upgrade that
adds a view fails ``test_every_admin_url_is_classified`` until someone decides how the portal's rules hold on it;
meanwhile ``FailClosedAdminMiddleware`` refuses writes to it, which the last tests show on real views.
"""

import importlib

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLResolver, get_resolver, resolve, reverse
from wagtail.contrib.redirects.models import Redirect

from approvals import endpoints
from toolkit.models import Theme
from translations import guards


def admin_patterns():
    """(route, resolver match of a sample URL) for every pattern under the admin prefix."""
    found = []

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                name = pattern.name or pattern.lookup_str
                view_name = ":".join([*namespaces, name]) if pattern.name else name
                found.append((prefix + str(pattern.pattern), namespaces, pattern.name, view_name))

    walk(get_resolver().url_patterns, "", [])
    return [row for row in found if row[0].startswith("admin/")]


def classification(namespaces, url_name, view_name):
    namespace = namespaces[0] if namespaces else ""
    if namespace.startswith("wagtailsnippets_"):
        return endpoints.SNIPPET_VIEWS.get(url_name)
    if namespace.startswith("wagtailsnippetchoosers_"):
        return endpoints.SNIPPET_CHOOSER_VIEWS.get(url_name)
    return endpoints.ENDPOINTS.get(view_name)


def test_every_admin_url_is_classified():
    rows = admin_patterns()
    assert len(rows) > 300  # the walk reached Wagtail's, wagtail-localize's and the portal's views
    unclassified = sorted({f"{view} ({route})" for route, ns, name, view in rows if not classification(ns, name, view)})
    assert unclassified == [], "classify these in approvals/endpoints.py:\n" + "\n".join(unclassified)


def test_the_table_names_only_views_that_exist():
    """No stale entry: each classified view name is a pattern of this installation (snippet views of some model)."""
    rows = admin_patterns()
    view_names = {view for _, _, _, view in rows}
    snippet_names = {name for _, ns, name, _ in rows if ns and ns[0].startswith("wagtailsnippets_")}
    chooser_names = {name for _, ns, name, _ in rows if ns and ns[0].startswith("wagtailsnippetchoosers_")}
    assert set(endpoints.ENDPOINTS) - view_names == set()
    assert set(endpoints.SNIPPET_CHOOSER_VIEWS) - chooser_names == set()
    # Preview views exist only for snippets with previews: the portal has none yet, they stay classified for when
    # one has.
    assert set(endpoints.SNIPPET_VIEWS) - snippet_names <= {"preview_on_add", "preview_on_edit", "preview_revision"}


def importable(dotted):
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            target = getattr(target, attribute)
        return target
    raise ImportError(dotted)


def test_every_rule_and_guard_named_exists():
    entries = [
        *endpoints.ENDPOINTS.values(),
        *endpoints.SNIPPET_VIEWS.values(),
        *endpoints.SNIPPET_CHOOSER_VIEWS.values(),
    ]
    for entry in entries:
        assert entry.kind in (endpoints.READS, endpoints.RULE, endpoints.GUARDED, endpoints.REFUSED)
        assert bool(entry.by) == (entry.kind in (endpoints.RULE, endpoints.GUARDED)), entry
        if entry.by:
            assert importable(entry.by) is not None


def test_the_translation_guard_knows_every_localize_view_it_is_named_for():
    """A wagtail-localize view said to be guarded by the middleware is one the middleware checks, and every view the
    middleware treats as a write is classified as guarded."""
    known = set(guards.TRANSLATION_VIEWS) | guards.MANAGEMENT_VIEWS
    named = {
        view.split(":", 1)[1]
        for view, entry in endpoints.ENDPOINTS.items()
        if view.startswith("wagtail_localize:") and entry.by == endpoints.LOCALIZE_GUARD
    }
    assert named <= known
    writes = {name for name, writes in guards.TRANSLATION_VIEWS.items() if writes} | guards.MANAGEMENT_VIEWS
    for name in writes:
        assert endpoints.ENDPOINTS[f"wagtail_localize:{name}"].kind == endpoints.GUARDED


def test_administration_said_to_be_for_superusers_is_held_by_no_group(portal):
    """The table says redirects, locales, sites, users, groups, workflows, tasks and collections are changed by
    superusers only: no group of the portal holds a permission that would let anyone else in."""
    models = [
        ("wagtailredirects", "redirect"),
        ("wagtailcore", "locale"),
        ("wagtailcore", "site"),
        ("auth", "user"),
        ("auth", "group"),
        ("wagtailcore", "workflow"),
        ("wagtailcore", "task"),
        ("wagtailcore", "collection"),
    ]
    held = Permission.objects.filter(group__isnull=False).distinct()
    held |= Permission.objects.filter(groupcollectionpermission__isnull=False).distinct()
    offending = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in held.select_related("content_type")
        if (p.content_type.app_label, p.content_type.model) in models and not p.codename.startswith("view_")
    }
    assert offending == set()


def test_an_unclassified_write_is_refused_and_changes_nothing(clients, monkeypatch):
    """What an upgrade adding a view looks like: the redirects' add view, taken out of the table, refuses even the
    superuser's POST before the view runs."""
    url = reverse("wagtailredirects:add")
    assert endpoints.classify(resolve(url)) is not None
    monkeypatch.delitem(endpoints.ENDPOINTS, "wagtailredirects:add")
    response = clients["admin"].post(
        url, {"old_path": "/ancien/", "is_permanent": "on", "redirect_link": "https://example.org/fr/"}
    )
    assert response.status_code == 403
    assert "pas disponible sur le portail" in response.content.decode()  # the admin speaks French by default
    assert not Redirect.objects.filter(old_path="/ancien").exists()
    assert clients["admin"].get(url).status_code == 200  # reading is left to the library's own checks


def test_a_classified_write_still_works(clients):
    """The same POST with the view classified reaches Wagtail: the fail-closed middleware refuses only what it must."""
    response = clients["admin"].post(
        reverse("wagtailredirects:add"),
        {"old_path": "/ancien/", "is_permanent": "on", "redirect_link": "https://example.org/fr/"},
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert Redirect.objects.filter(old_path="/ancien").exists()


@pytest.mark.parametrize("username", ["editor", "admin", "translator_ar"])
def test_creating_a_snippet_from_a_chooser_is_refused(clients, username):
    """Snippets are created from their own add view, where the language and reviewer rules run; the chooser's
    create endpoint is refused to everyone."""
    before = Theme.objects.count()
    url = reverse("wagtailsnippetchoosers_toolkit_theme:create")
    response = clients[username].post(url, {"name": "Nouveau thème", "slug": "nouveau-theme"})
    assert response.status_code == 403
    assert Theme.objects.count() == before
