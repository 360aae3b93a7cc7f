"""A URLconf serving the pages under /<language>/archive/ (home/tests/test_page_urls.py)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import re_path
from wagtail import urls as wagtail_urls

from home import routing

urlpatterns = i18n_patterns(
    re_path(r"^archive/" + wagtail_urls.serve_pattern.lstrip("^"), routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
