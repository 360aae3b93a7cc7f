"""The adoption tables' rows (toolkit_tags.adoption_rows) say what Django's ``date`` filter and the status choices say,
in each language."""

import datetime
from pathlib import Path

from django.template import Context, Template
from django.utils import translation
from django.utils.autoreload import file_changed

from toolkit.templatetags.toolkit_tags import month_and_year


def test_every_month_reads_as_the_date_filter_in_every_language():
    template = Template('{{ day|date:"F Y" }}')
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            for month in range(1, 13):
                day = datetime.date(2025, month, 17)
                assert month_and_year(2025, month, language) == template.render(Context({"day": day}))
    with translation.override("fr"):
        assert month_and_year(2024, 3, "ar") != month_and_year(2024, 3, "fr") == "mars 2024"


def test_a_changed_catalogue_forgets_the_months():
    month_and_year(2024, 5, "fr")
    assert month_and_year.cache_info().currsize > 0
    file_changed.send(sender=None, file_path=Path("locale/fr/LC_MESSAGES/django.py"))
    assert month_and_year.cache_info().currsize > 0  # not a catalogue
    file_changed.send(sender=None, file_path=Path("locale/fr/LC_MESSAGES/django.mo"))
    assert month_and_year.cache_info().currsize == 0
