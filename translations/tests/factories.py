"""Test content for the translation workflow, made through the same operations the admin uses."""

from urllib.parse import urlencode

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from approvals.operator import publish_as_operator
from tests.testapp.models import SectionPage


def french_page(portal, title="Coopération interrégionale", publish=True):
    """A French section under the French home page (the content types of toolkit/ are not needed here)."""
    page = SectionPage(
        title=title,
        slug=title.lower().replace(" ", "-").replace("é", "e"),
        locale=portal["fr"].locale,
        summary=f"Résumé : {title}.",
        introduction=f"Introduction : {title}.",
    )
    portal["fr"].add_child(instance=page)
    if publish:
        publish_as_operator(page, "tests")
    return page


def translation_of(page, language):
    return Translation.objects.select_related("source", "target_locale").get(
        source__object_id=page.translation_key, target_locale__language_code=language
    )


def segment(translation, text):
    """The string segment of ``translation``'s source whose text is ``text``."""
    return StringSegment.objects.get(source=translation.source, string__data=text)


def edit_string_url(translation, string_segment):
    return reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": string_segment.pk},
    )


def put_string(client, translation, string_segment, value):
    """Save a string through the translation editor's API, as its React app does."""
    return client.put(
        edit_string_url(translation, string_segment),
        data=urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def page_form_data(page, **overrides):
    """The page editor's POST data for a SectionPage (the home page's fields) (no comments, no inline panels)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "introduction": page.introduction,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "strands-count": "0",  # the home page's programme strands (a StreamField, empty here)
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


PARTNER_REVIEWERS = ("dgct", "arm", "embassy")


def approve_until_finished(client, page, users, approvers=PARTNER_REVIEWERS):
    """Drive ``page``'s workflow to its end through the admin's generic workflow action URL, as the three partners'
    reviewers only: each approves once, when offered "approve". The workflow must end with exactly the three of them
    (a one-group workflow, or one that a superuser could finish, fails here). Returns who approved, in order.
    """
    approved_by = []
    for _attempt in range(len(approvers) + 1):
        page = Page.objects.get(pk=page.pk).specific
        state = page.current_workflow_state
        if state is None:
            assert sorted(approved_by) == sorted(PARTNER_REVIEWERS), approved_by
            return approved_by
        task_state = state.current_task_state
        task = task_state.task.specific
        for username in approvers:
            if username in approved_by:
                continue
            actions = [name for name, _label, _modal in task.get_actions(page, users[username])]
            if "approve" in actions:
                client.force_login(users[username])
                response = client.post(
                    reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {}
                )
                assert response.status_code in (200, 302), response.content[:500]
                approved_by.append(username)
                break
        else:
            raise AssertionError(f"nobody among {approvers} may approve {task}")
    raise AssertionError(f"the workflow did not finish after {approved_by} approved")


def translation_editor_writes(client, page, translation, value="مكتوب"):
    """Each write endpoint of wagtail-localize's translation editor, as its React app and its menu call them: the
    title string, an override, a PO upload, machine translation and the submit button. Returns the responses."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = value
    title = segment(translation, translation.source.get_source_instance().title)
    return {
        "string": put_string(client, translation, title, value),
        "override": client.put(
            reverse("wagtail_localize:edit_override", args=[translation.pk, 1]),
            data=urlencode({"value": "1"}),
            content_type="application/x-www-form-urlencoded",
        ),
        "po_upload": client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
            {"file": SimpleUploadedFile("ar.po", str(po).encode(), content_type="text/x-gettext-translation")},
        ),
        "machine_translate": client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk])),
        "submit": client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}),
    }
