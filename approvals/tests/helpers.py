"""Driving the partner approval through the real admin views, as each role does in a browser."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from approvals.models import PartnerDecision

NON_SUPERUSER_ROLES = [
    "editor",
    "dgct",
    "arm",
    "embassy",
    "translator_ar",
    "translator_en",
    "translator_fr",
    "council_04",
    "council_09",
]


def speaking(user, language):
    """Set ``user``'s admin language, as they would in their account settings."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_data(page, **changes):
    """The edit form's fields for ``page``'s latest revision, with ``changes`` applied."""
    page = page.specific.get_latest_revision_as_object()
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    for field in ("body", "introduction"):
        if hasattr(page, field):
            data[field] = getattr(page, field)
    data.update(changes)
    return data


def post_edit(client, page, action=None, **changes):
    data = form_data(page, **changes)
    if action:
        data[action] = "1"
    return client.post(edit_url(page), data)


def submit(client, page, **changes):
    """The editor's "Submit to Validation tripartite"."""
    return post_edit(client, page, "action-submit", **changes)


def current_task_state(page):
    return Page.objects.get(pk=page.pk).current_workflow_task_state


def decide(client, page, action="approve", comment="", task_state=None):
    """A reviewer's approve / request changes, through the workflow action URL the admin's buttons use."""
    task_state = task_state or current_task_state(page)
    assert task_state is not None, "the page is not under review"
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def state(page):
    """What the public sees of ``page``: whether it is live and which revision."""
    fresh = Page.objects.get(pk=page.pk)
    return {"live": fresh.live, "live_revision_id": fresh.live_revision_id}


def decisions(page):
    revision_id = Page.objects.get(pk=page.pk).latest_revision_id
    return dict(
        PartnerDecision.objects.for_revision(revision_id).values_list("partner", "decision").order_by("partner")
    )


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard (and an error message);
    Django answers it with a 403 elsewhere."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


# Snippets under partner approval (toolkit themes, partners, footer, adoptions) ---------------------------------------
def snippet_url(obj_or_model, name, *args):
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{name}", args=args)


def snippet_task_state(obj):
    return type(obj).objects.get(pk=obj.pk).current_workflow_task_state


def decide_snippet(client, obj, action="approve", comment="", task_state=None):
    """A reviewer's decision on a snippet, through the workflow action URL of the snippet editor's buttons."""
    task_state = task_state or snippet_task_state(obj)
    assert task_state is not None, "the snippet is not under review"
    return client.post(snippet_url(obj, "workflow_action", obj.pk, action, task_state.pk), {"comment": comment})


def approve_snippet_by_all(clients, obj):
    for role in ("dgct", "arm", "embassy"):
        response = decide_snippet(clients[role], obj)
        assert response.status_code in (200, 302), response.status_code


def snippet_state(obj):
    """What the public sees of a snippet: whether its row is live, which revision, and the row's content."""
    fresh = type(obj).objects.get(pk=obj.pk)
    content = {f.name: getattr(fresh, f.name) for f in fresh._meta.concrete_fields if f.name in CONTENT_FIELDS}
    return {"live": fresh.live, "live_revision_id": fresh.live_revision_id, **content}


CONTENT_FIELDS = {"name", "description", "about", "contact", "status", "since", "region_code", "acronym", "slug"}
