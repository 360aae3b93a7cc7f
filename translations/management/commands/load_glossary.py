"""Seed the programme glossary in French, with its Arabic and English renderings, idempotently."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from translations.glossary_terms import TERMS
from translations.importing import translate_with_texts
from translations.models import GlossaryTerm


class Command(BaseCommand):
    help = "Add the programme's terms to the glossary (fr, with ar and en through wagtail-localize). Safe to rerun."

    @transaction.atomic
    def handle(self, *args, **options):
        locales = {
            locale.language_code: locale for locale in Locale.objects.filter(language_code__in=["fr", "ar", "en"])
        }
        if len(locales) < 3:
            raise CommandError("Run bootstrap_portal first: the fr, ar and en locales are missing.")
        created = 0
        for french, arabic, english in TERMS:
            term = GlossaryTerm.objects.filter(locale=locales["fr"], term=french).first()
            if term is None:
                term = GlossaryTerm.objects.create(locale=locales["fr"], term=french)
                created += 1
            for code, text in (("ar", arabic), ("en", english)):
                if term.get_translation_or_none(locales[code]) is None:
                    # Glossary terms have no drafts: "publish" here only saves the translated term.
                    translate_with_texts(term, locales[code], {french: text}, publish=True)
        self.stdout.write(self.style.SUCCESS(f"Glossary: {created} new term(s), {len(TERMS)} in all."))
