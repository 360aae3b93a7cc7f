"""The search page costs a fixed number of SQL queries, however many pages match."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# One statement: the count, the page's rows, the excerpt words to highlight and the three facets.
SEARCH_PAGE_BUDGET = 1


def queries_for(client, url):
    client.get(url)  # warm the per-process caches every request shares (site root paths, the site frame)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_search_page_query_count_does_not_grow_with_matches(client, make_page):
    for i in range(5):
        make_page("fr", f"Outil numéro {i}", "Un outil de concertation.")
    with_five = queries_for(client, "/fr/search/?q=outil")
    for i in range(5, 50):
        make_page("fr", f"Outil numéro {i}", "Un outil de concertation.")
    with_fifty = queries_for(client, "/fr/search/?q=outil")
    print(f"\nsearch page: {with_five} queries with 5 matches, {with_fifty} with 50")
    assert with_five == with_fifty
    assert with_fifty == SEARCH_PAGE_BUDGET
