"""Loading the demonstration content: authored in French, translated into Arabic and English, all published.

Every object is created in French first, then translated through wagtail-localize with the Arabic and English texts
of the data files (``translations.importing.translate_with_texts``), so the translation relations and the translation
editor work on the demo exactly as on real content. Each page is published by
``approvals.operator.publish_as_operator``, which records the publication in Wagtail's audit log under this
command's name.

Idempotent: an object that exists (found by its slug, code or title) is left as it is; only what is missing (an
object, or one of its translations) is created. A second run creates nothing.
"""

import datetime
import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from approvals.operator import publish_as_operator
from home.models import HomePage
from institutional.models import InformationPage
from toolkit import models as toolkit_models
from toolkit.demo import history, structure
from toolkit.demo.pdf import guide_pdf
from toolkit.reference import reference_data
from translations.importing import translate_with_texts

COMMAND = "load_demo_content"
SOURCE = "fr"
TARGETS = ("ar", "en")
DATA_DIR = Path(__file__).parent / "data"


def read_data(data_dir, name, key=None):
    """A data file's items: the file is a list, or an object holding the list under ``key`` (or its stem)."""
    path = Path(data_dir) / f"{name}.json"
    if not path.exists():
        return [] if key is not False else {}
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if isinstance(data, dict) and key is not False:
        return data.get(key or name, data.get("items", []))
    return data


def paragraphs_html(paragraphs):
    return "".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs if paragraph.strip())


def split_paragraphs(text):
    return [part.strip() for part in text.split("\n\n") if part.strip()]


@dataclass
class Texts:
    """The translations of one object's French strings, filled as the French object is built."""

    pairs: dict = field(default_factory=lambda: {code: {} for code in TARGETS})

    def add(self, triple):
        """Register a {fr, ar, en} text; return its French version (the source value)."""
        if isinstance(triple, str):
            return triple
        for code in TARGETS:
            self.pairs[code][triple[SOURCE]] = triple[code]
        return triple[SOURCE]

    def add_paragraphs(self, by_language):
        """Paragraph lists per language, paired one by one (rich text is translated paragraph by paragraph)."""
        for code in TARGETS:
            for source, target in zip(by_language[SOURCE], by_language[code], strict=True):
                self.pairs[code][source] = target
        return by_language[SOURCE]

    def add_text(self, triple):
        """A multi-paragraph text for a rich-text field: one <p> per paragraph, each paired with its translation."""
        if isinstance(triple, str):
            return paragraphs_html(split_paragraphs(triple))
        split = {code: split_paragraphs(triple[code]) for code in (SOURCE, *TARGETS)}
        if all(len(split[code]) == len(split[SOURCE]) for code in TARGETS):
            return paragraphs_html(self.add_paragraphs(split))
        # Paragraph counts differ between languages: keep the text as one paragraph.
        return paragraphs_html([self.add({code: " ".join(split[code]) for code in split})])


class DemoLoader:
    """Creates what is missing of the demo content; ``progress`` is called once per object handled."""

    def __init__(self, data_dir=DATA_DIR, progress=None, user=None):
        self.data_dir = Path(data_dir)
        self.progress = progress or (lambda label: None)
        self.user = user
        self.created = []
        self.locales = {code: Locale.objects.get(language_code=code) for code in (SOURCE, *TARGETS)}
        self.homes = {code: HomePage.objects.get(locale=locale) for code, locale in self.locales.items()}
        self.site = read_data(self.data_dir, "site", key=False) or {}

    def data(self, name):
        return read_data(self.data_dir, name)

    def count(self):
        """How many steps the progress bar has."""
        regions = len(reference_data()["regions"])
        items = sum(len(self.data(name)) for name in structure.PAGE_FILES)
        information = len(self.data("information"))
        return 1 + 3 + 1 + len(structure.INDEX_PAGES) + regions + items + 1 + information

    @transaction.atomic
    def run(self):
        self.load_taxonomies()
        self.load_home()
        self.indexes = {kind: self.index_page(kind) for kind in structure.INDEX_PAGES}
        self.regions = self.load_regions()
        self.tools = self.load_pages("tools", self.tool_fields)
        self.guides = self.load_pages("guides", self.guide_fields)
        self.experiences = self.load_pages("experiences", self.experience_fields)
        self.benchmarks = self.load_pages("benchmarks", self.benchmark_fields)
        self.recommendations = self.load_pages("recommendations", self.recommendation_fields)
        self.load_adoptions()
        self.load_information_pages()
        return self.created

    # Translation ---------------------------------------------------------------------------------------------
    def translate_page(self, page, texts, before_translate=None):
        """Publish the French page's translations that are missing, through wagtail-localize."""
        for code in TARGETS:
            if page.get_translation_or_none(self.locales[code]) is not None:
                continue
            if before_translate:
                before_translate(page, code)
            translated = translate_with_texts(page, self.locales[code], texts.pairs[code], user=self.user)
            publish_as_operator(translated, COMMAND, user=self.user)
            self.created.append(f"{page.title} ({code})")

    def translate_snippet(self, snippet, texts):
        for code in TARGETS:
            if snippet.get_translation_or_none(self.locales[code]) is None:
                translated = translate_with_texts(snippet, self.locales[code], texts.pairs[code], user=self.user)
                publish_as_operator(translated, COMMAND, user=self.user)
                self.created.append(f"{snippet} ({code})")

    def ensure_page(self, parent, model, slug, build, before_translate=None):
        """The French page ``slug`` under ``parent`` (created and published if missing) and its translations."""
        texts = Texts()
        values = build(texts)
        # The slug is translated too: each language's slug comes from its own title.
        texts.add(
            {
                SOURCE: slug,
                **{code: slugify(texts.pairs[code][values["title"]], allow_unicode=True) for code in TARGETS},
            }
        )
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            many = {f.name for f in model._meta.get_fields() if isinstance(f, ParentalManyToManyField)}
            relations = {name: values.pop(name) for name in list(values) if name in many}
            page = model(slug=slug, locale=self.locales[SOURCE], **values)
            for name, related in relations.items():
                setattr(page, name, related)
            parent.add_child(instance=page)
            publish_as_operator(page, COMMAND, user=self.user)
            self.created.append(page.title)
        self.translate_page(page, texts, before_translate)
        self.progress(str(model._meta.verbose_name))
        return page

    # Snippets and home -------------------------------------------------------------------------------------------
    def load_taxonomies(self):
        reference = reference_data()
        descriptions = self.site.get("themes", {})
        for item in reference["themes"]:
            texts = Texts()
            description = descriptions.get(item["slug"], {}).get("description")
            theme, created = toolkit_models.Theme.objects.get_or_create(
                slug=item["slug"],
                locale=self.locales[SOURCE],
                defaults={"name": texts.add(item), "description": texts.add(description) if description else ""},
            )
            if created:
                publish_as_operator(theme, COMMAND, user=self.user)
            else:
                texts.add(item)
                if description:
                    texts.add(description)
            self.translate_snippet(theme, texts)
            self.progress("themes")
        partner_texts = self.site.get("partners", {})
        for item in reference["partners"]:
            texts = Texts()
            description = partner_texts.get(item["slug"], {}).get("description")
            partner, created = toolkit_models.Partner.objects.get_or_create(
                slug=item["slug"],
                locale=self.locales[SOURCE],
                defaults={
                    "acronym": item["acronym"],
                    "name": texts.add(item),
                    "description": texts.add(description) if description else "",
                },
            )
            if created:
                publish_as_operator(partner, COMMAND, user=self.user)
            texts.add(item)
            if description:
                texts.add(description)
            self.translate_snippet(partner, texts)
        self.load_footer()

    def load_footer(self):
        footer = self.site["footer"]
        texts = Texts()
        about = texts.add(footer["about"]) if "about" in footer else texts.add(footer)
        contact = texts.add(footer["contact"]) if "contact" in footer else ""
        snippet = toolkit_models.SiteFooter.objects.filter(locale=self.locales[SOURCE]).first()
        if snippet is None:
            snippet = toolkit_models.SiteFooter.objects.create(
                locale=self.locales[SOURCE], about=about, contact=contact
            )
            publish_as_operator(snippet, COMMAND, user=self.user)
        self.translate_snippet(snippet, texts)
        self.progress("footer")

    def load_home(self):
        """Give the bootstrapped home pages the programme's introduction and strands (once)."""
        home = self.homes[SOURCE]
        if not home.strands:
            texts = Texts()
            intro = self.site.get("home_intro")
            if intro:
                home.introduction = texts.add(intro)
            else:
                texts.add({code: self.homes[code].introduction for code in self.homes})
            for name in ("title", "slug", "summary"):
                texts.add({code: getattr(self.homes[code], name) for code in self.homes})
            home.strands = [("strand", texts.add(strand)) for strand in self.site.get("programme_strands", [])]
            home.save_revision(user=self.user, log_action=False)
            publish_as_operator(home, COMMAND, user=self.user)
            for code in TARGETS:
                translated = translate_with_texts(home, self.locales[code], texts.pairs[code], user=self.user)
                publish_as_operator(translated, COMMAND, user=self.user)
            self.created.append("home page introduction and strands")
        self.progress("home page")

    # Index pages and regions ---------------------------------------------------------------------------------------
    def index_page(self, kind):
        spec = structure.INDEX_PAGES[kind]
        model = getattr(toolkit_models, spec["model"])

        def build(texts):
            return {
                "title": texts.add(spec["title"]),
                "summary": texts.add(spec["summary"]),
                "introduction": texts.add(spec["introduction"]),
                "show_in_menus": True,
            }

        return self.ensure_page(self.homes[SOURCE], model, spec["slug"], build)

    def load_regions(self):
        extra = read_data(self.data_dir, "regions", key=False) or {}
        regions = {}
        for item in reference_data()["regions"]:
            details = extra.get(item["code"], {})

            def build(texts, item=item, details=details):
                contact = details.get("contact", {})
                census = toolkit_models.RegionPage(code=item["code"]).census()
                summary = details.get("summary") or structure.region_summary(item, census)
                return {
                    "title": texts.add(item),
                    "code": item["code"],
                    "seat": texts.add(item["seat"]),
                    "summary": texts.add(summary),
                    "introduction": texts.add(details["intro"]) if details.get("intro") else "",
                    "contact_office": texts.add(contact["office"]) if contact.get("office") else "",
                    "contact_address": texts.add(contact["address"]) if contact.get("address") else "",
                    "contact_email": contact.get("email", ""),
                    "contact_phone": contact.get("phone", ""),
                }

            slug = f"{item['code']}-{slugify(item['fr'])}"
            regions[item["code"]] = self.ensure_page(self.indexes["regions"], toolkit_models.RegionPage, slug, build)
        return regions

    # Detail pages --------------------------------------------------------------------------------------------------
    def load_pages(self, name, fields):
        kind = structure.PAGE_FILES[name]
        model = getattr(toolkit_models, structure.INDEX_PAGES[kind]["child"])
        pages = {}
        for item in self.data(name):

            def build(texts, item=item):
                return {"title": texts.add(item["title"]), "summary": texts.add(item["summary"]), **fields(item, texts)}

            before = self.attach_guide_pdfs(item) if name == "guides" else None
            pages[item["slug"]] = self.ensure_page(self.indexes[kind], model, item["slug"], build, before)
        return pages

    def featured(self, name, count=3):
        """The home page features the most widely adopted tools and the latest guides (unless the data says)."""
        items = self.data(name)
        if any("featured" in item for item in items):
            return {item["slug"] for item in items if item.get("featured")}
        if name == "tools":
            ranked = sorted(items, key=lambda item: -len(item.get("adoptions") or []))
        else:
            ranked = sorted(items, key=lambda item: item.get("publication_date", ""), reverse=True)
        return {item["slug"] for item in ranked[:count]}

    def themes(self, slugs):
        if isinstance(slugs, str):
            slugs = [slugs]
        return list(toolkit_models.Theme.objects.filter(locale=self.locales[SOURCE], slug__in=slugs))

    def pick(self, pages, slugs):
        return [pages[slug] for slug in slugs or [] if slug in pages]

    def steps(self, items, texts, block_name):
        return [
            (block_name, {"title": texts.add(step["title"]), "body": texts.add_text(step["body"])})
            for step in items or []
        ]

    def tool_fields(self, item, texts):
        partners = toolkit_models.Partner.objects.filter(
            locale=self.locales[SOURCE], slug__in=item.get("developed_by_partners") or []
        )
        return {
            "tool_type": item["tool_type"],
            "audience": texts.add(item["audience"]) if item.get("audience") else "",
            "featured": item["slug"] in self.featured("tools"),
            "steps": self.steps(item.get("steps"), texts, "step"),
            "themes": self.themes(item.get("themes")),
            "developed_by_partners": list(partners),
            "developed_by_regions": [self.regions[code] for code in item.get("developed_by_regions") or []],
        }

    def guide_fields(self, item, texts):
        chapters = [
            (
                "chapter",
                {
                    "heading": texts.add(chapter["heading"]),
                    "body": paragraphs_html(texts.add_paragraphs(chapter["paragraphs"])),
                },
            )
            for chapter in item["chapters"]
        ]
        related = set(item.get("related_tools") or [])
        related.update(
            tool["slug"] for tool in self.data("tools") if item["slug"] in (tool.get("related_guides") or [])
        )
        return {
            "version": item["version"],
            "publication_date": datetime.date.fromisoformat(item["publication_date"]),
            "chapters": chapters,
            "pdf": self.guide_document(item, SOURCE),
            "featured": item["slug"] in self.featured("guides"),
            "themes": self.themes(item.get("themes")),
            "related_tools": self.pick(self.tools, sorted(related)),
        }

    def experience_fields(self, item, texts):
        tools = set(item.get("tools_used") or [])
        tools.update(
            tool["slug"] for tool in self.data("tools") if item["slug"] in (tool.get("related_experiences") or [])
        )
        return {
            "region": self.regions[item["region"]],
            "year": int(item["year"]),
            "context": texts.add(item["context"]),
            "actions": texts.add(item["actions"]),
            "results": texts.add(item["results"]),
            "lessons": texts.add(item["lessons"]),
            "themes": self.themes(item.get("themes") or item.get("theme")),
            "tools_used": self.pick(self.tools, sorted(tools)),
        }

    def benchmark_fields(self, item, texts):
        return {
            "uk_practice": texts.add(item["uk_practice"]),
            "transfers": texts.add(item["transfers"]),
            "adaptation": texts.add(item["adaptation"]),
            "themes": self.themes(item.get("themes")),
            "tools": self.pick(self.tools, item.get("tools")),
        }

    def recommendation_fields(self, item, texts):
        benchmarks = set(item.get("benchmarks") or [])
        benchmarks.update(
            benchmark["slug"]
            for benchmark in self.data("benchmarks")
            if item["slug"] in (benchmark.get("recommendations") or [])
        )
        return {
            "number": int(item["number"]),
            "recommendation": texts.add(item["recommendation"]),
            "solutions": self.steps(item.get("solutions"), texts, "solution"),
            "british_practice": texts.add(item["british_practice"]) if item.get("british_practice") else "",
            "status": item["status"],
            "themes": self.themes(item.get("themes")),
            "benchmarks": self.pick(self.benchmarks, sorted(benchmarks)),
            "tools": self.pick(self.tools, item.get("tools")),
        }

    def load_adoptions(self):
        for item in self.data("tools"):
            tool = self.tools.get(item["slug"])
            for adoption in item.get("adoptions") or []:
                record, created = toolkit_models.Adoption.objects.get_or_create(
                    tool=tool,
                    region_code=adoption["region"],
                    defaults={"status": adoption["status"], "since": datetime.date.fromisoformat(adoption["date"])},
                )
                if created:
                    publish_as_operator(record, COMMAND, user=self.user)
                    history.add_earlier_steps(record)  # the progress chart's past (toolkit/demo/history.py)
                    self.created.append(f"adoption of {tool.title} in {adoption['region']}")
        self.progress("adoptions")

    # Institutional pages -----------------------------------------------------------------------------------------
    def load_information_pages(self):
        """The legal notice, accessibility statement, privacy notice and contact page the footer links to."""
        for item in self.data("information"):

            def build(texts, item=item):
                sections = [
                    (
                        "section",
                        {
                            "heading": texts.add(section["heading"]),
                            "body": paragraphs_html(texts.add_paragraphs(section["paragraphs"])),
                        },
                    )
                    for section in item["sections"]
                ]
                return {
                    "title": texts.add(item["title"]),
                    "summary": texts.add(item["summary"]),
                    "kind": item["kind"],
                    "contact_email": item.get("contact_email", ""),
                    "body": sections,
                }

            self.ensure_page(self.homes[SOURCE], InformationPage, item["slug"], build)

    # Guide PDFs ----------------------------------------------------------------------------------------------------
    def guide_document(self, item, code):
        """The guide's PDF in ``code`` as a Wagtail document (generated once, found again by its title)."""
        Document = get_document_model()
        title = f"{item['title'][code]} (PDF, {code})"
        document = Document.objects.filter(title=title).first()
        if document is None:
            chapters = [(chapter["heading"][code], chapter["paragraphs"][code]) for chapter in item["chapters"]]
            date_text = structure.format_date(datetime.date.fromisoformat(item["publication_date"]), code)
            content = guide_pdf(
                item["title"][code],
                structure.version_label(item["version"], code),
                date_text,
                chapters,
                code,
                self.site["footer"][code],
            )
            document = Document(title=title, collection=Collection.get_first_root_node())
            document.file.save(f"{item['slug']}-{code}.pdf", ContentFile(content), save=False)
            document._set_document_file_metadata()  # size and hash, as Wagtail's upload form records them
            document.save()
        return document

    def attach_guide_pdfs(self, item):
        """Before translating a guide, choose its PDF in the target language (a wagtail-localize override)."""

        def before_translate(page, code):
            source, _created = TranslationSource.get_or_create_from_instance(page)
            segment = OverridableSegment.objects.filter(source=source, context__path="pdf").first()
            if segment is None:
                return
            SegmentOverride.objects.update_or_create(
                locale=self.locales[code],
                context=segment.context,
                defaults={"data_json": json.dumps(self.guide_document(item, code).pk)},
            )

        return before_translate
