"""The public search index: one row per live, public page, in that page's language.

Wagtail's database backend applies one text search configuration to every page; this index stores each page's text
already normalised for its language (search/text.py) and, on PostgreSQL, a generated ``vector`` column built with
that language's configuration (french, arabic, english) and a GIN index over it (migration 0002). It is also the
source the Elasticsearch engine is fed from, and its queue records what an engine has not yet taken, so a failure
never loses an update.
"""

from django.db import models


class SearchDocument(models.Model):
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="search_document")
    language = models.CharField(max_length=8, db_index=True)
    page_type = models.CharField(max_length=100, db_index=True)
    url = models.TextField()  # Arabic slugs percent-encode to long URLs
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Space-delimited codes with a leading and trailing space (" cooperation participation "), so that a filter is
    # a plain substring match on every database.
    themes = models.CharField(max_length=500, blank=True, default=" ")
    regions = models.CharField(max_length=200, blank=True, default=" ")
    # Labels in the document's language, for facets and result lines: {"type": {code: label}, "themes": ..., ...}.
    labels = models.JSONField(default=dict, blank=True)
    title_norm = models.TextField(blank=True)
    text_norm = models.TextField(blank=True)
    # What a result's excerpt is cut from (the start of summary and body, search/results.py) and the distinct
    # normalised words in it, prepared at indexing so that a search reads neither the long body nor normalises words:
    # on PostgreSQL the engine stems these words in its one statement to know which to highlight.
    excerpt_source = models.TextField(blank=True)
    excerpt_words = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["language", "page_type"])]

    def __str__(self):
        return f"{self.language}: {self.title}"


class IndexQueueEntry(models.Model):
    """A change an external engine (Elasticsearch) has not taken yet; `update_search_index` catches up."""

    ACTION_INDEX = "index"
    ACTION_REMOVE = "remove"

    page_id = models.BigIntegerField(db_index=True)
    action = models.CharField(max_length=10, choices=[(ACTION_INDEX, "index"), (ACTION_REMOVE, "remove")])
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.action} page {self.page_id}"
