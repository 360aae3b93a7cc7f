"""The search_index management command."""

import io

from django.core.management import call_command

from search.models import SearchDocument


def run(*args):
    out = io.StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


def test_rebuild_indexes_every_live_public_page_and_nothing_else(make_page):
    make_page("fr", "Publiée", "Texte.")
    make_page("fr", "Brouillon", "Texte.", live=False)
    SearchDocument.objects.all().delete()
    output = run("rebuild")
    # The three home pages and the published page.
    assert "Indexed 4 live public page(s)." in output
    assert sorted(SearchDocument.objects.values_list("language", flat=True)) == ["ar", "en", "fr", "fr"]


def test_status_reports_counts_per_language(make_page):
    make_page("ar", "صفحة", "نص.")
    output = run("status")
    assert "Engine: database" in output
    assert "fr 1, ar 2, en 1" in output


def test_ensure_rebuilds_only_an_empty_index(make_page):
    make_page("fr", "Publiée", "Texte.")
    assert "Search index present." in run("ensure")
    SearchDocument.objects.all().delete()
    assert "Indexed 4 live public page(s)." in run("ensure")
