"""The page editor's form data for an institutional page, as the admin posts it (its body is a StreamField)."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

NEW_PAGE = {
    "title": "Mentions légales",
    "slug": "mentions-legales",
    "summary": "Qui publie ce portail.",
    "seo_title": "",
    "search_description": "",
    "kind": "legal_notice",
    "contact_email": "",
    "sections": [("Éditeur", "<p>Le partenariat DGCT, ARM et ambassade du Royaume-Uni.</p>")],
}


def add_url(parent):
    return f"/admin/pages/add/institutional/informationpage/{parent.pk}/"


def information_form(page=None, action=None, **changes):
    """The add form's fields (``page`` None) or the edit form's for ``page``'s latest revision, with ``changes``;
    ``sections`` is a list of (heading, HTML) pairs; ``action`` the button pressed (``action-submit``...)."""
    values = dict(NEW_PAGE)
    if page is not None:
        latest = page.specific.get_latest_revision_as_object()
        values.update({name: getattr(latest, name) for name in NEW_PAGE if name != "sections"})
        values["sections"] = [(block.value["heading"], block.value["body"].source) for block in latest.body]
    values.update(changes)
    sections = values.pop("sections")
    values["body"] = streamfield(
        [("section", {"heading": heading, "body": rich_text(html)}) for heading, html in sections]
    )
    values["comments"] = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
    data = nested_form_data(values)
    if action:
        data[action] = "1"
    return data
