"""A valid proposal becomes a draft page for the editors, its attachments private documents, and a ``Proposal`` record.

- Where: under the experience or tool index of the language the proposer wrote in. An Arabic proposal is drafted
  in the Arabic tree (a council may write in Arabic first; that page is then the source and French and English are
  its translations). A French proposal goes to the French tree, and so does an English one: editors draft in French
  and English is a translation of the French source on this portal, so the editors receive the English text in the
  French tree, flagged "English" in the proposals listing, to translate it into French before submitting it.
- What: never live, never submitted. The page is saved with ``live=False`` and one revision; it has no owner and its
  revision no author (the proposer has no account, and no person of the portal wrote it: the proposals listing and
  the reviewers' views name the proposer instead, ``approvals.provenance``). Required fields the form does not ask
  (the tool's type, an experience's results) are left for the editors: Wagtail validates them when the page is
  submitted, not for a draft.
- Attachments: documents in the "Proposals" collection, without an uploader. They are public only if live content
  uses them (``mediafiles.access``); a draft tool lists them as its downloads, an experience through the record.

Everything happens in one transaction: a refusal or fault leaves no page, document or record behind.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from proposals.models import Proposal, ProposalKind
from toolkit.models import ExperienceIndexPage, ExperiencePage, RegionPage, Theme, ToolIndexPage, ToolPage

COLLECTION_NAME = "Proposals"
SUMMARY_LENGTH = 600


class NowhereToDraft(Exception):
    """The portal has no index page to hold this kind of proposal (a site without toolkit content)."""


def tree_language(language):
    """The language of the tree a proposal written in ``language`` is drafted in (see the module's docstring)."""
    return "ar" if language == "ar" else settings.LANGUAGE_CODE


def index_for(kind, language):
    model = ExperienceIndexPage if kind == ProposalKind.EXPERIENCE else ToolIndexPage
    index = model.objects.filter(locale__language_code=tree_language(language)).order_by("path").first()
    if index is None:
        index = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path").first()
    if index is None:
        raise NowhereToDraft(kind)
    return index


def proposals_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def free_slug(index, title):
    base = slugify(title, allow_unicode=True)[:60].strip("-") or "proposition"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def paragraphs_html(text):
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def store_documents(files):
    Document = get_document_model()
    collection = proposals_collection()
    documents = []
    for uploaded in files:
        document = Document(title=uploaded.name[:255], file=uploaded, collection=collection)
        document._set_document_file_metadata()
        document.save()
        documents.append(document)
    return documents


def build_page(data, locale, documents):
    """The unsaved draft page for ``data`` (the form's cleaned data)."""
    description = data["description"].strip()
    common = {
        "title": data["title"].strip(),
        "locale": locale,
        "summary": Truncator(description).chars(SUMMARY_LENGTH),
        "live": False,
        "owner": None,
    }
    if data["kind"] == ProposalKind.EXPERIENCE:
        return ExperiencePage(**common, year=datetime.date.today().year, context=description)
    steps = [("step", {"title": common["title"][:200], "body": paragraphs_html(description)})]
    downloads = [("download", {"label": document.title[:200], "document": document}) for document in documents]
    return ToolPage(**common, steps=steps, downloads=downloads)


def set_relations(page, data):
    """The region and theme, pointing at their French (source) rows as every toolkit relation does."""
    source = settings.LANGUAGE_CODE
    region = RegionPage.objects.filter(locale__language_code=source, code=data["region"]).first()
    theme = Theme.objects.filter(locale__language_code=source, slug=data["theme"]).first()
    if theme is not None:
        page.themes.set([theme])
    if region is not None:
        if isinstance(page, ExperiencePage):
            page.region = region
        else:
            page.developed_by_regions.set([region])


@transaction.atomic
def create_draft(data, language):
    """Store the proposal ``data`` written in ``language``: documents, draft page, record. Returns the record."""
    index = index_for(data["kind"], language)
    documents = store_documents(data.get("attachments") or [])
    page = build_page(data, index.locale, documents)
    page.slug = free_slug(index, page.title)
    set_relations(page, data)
    index.add_child(instance=page)
    page.save_revision(user=None, log_action=False, clean=False)  # as Wagtail saves a draft: required fields later
    proposal = Proposal.objects.create(
        kind=data["kind"],
        title=page.title,
        language=language,
        region_code=data["region"],
        theme_slug=data["theme"],
        proposer_name=data["proposer_name"].strip(),
        council=data["council"].strip(),
        email=data["email"],
        telephone=data.get("telephone", ""),
        credit_consent=bool(data.get("credit_consent")),
        processing_consent=bool(data["processing_consent"]),
        page=page,
    )
    proposal.documents.set(documents)
    return proposal
