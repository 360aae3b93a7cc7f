"""Spreadsheet exports of the approval trail that read as the admin shows them and open safely.

Wagtail's export writes datetimes in UTC with microseconds and leaves a CSV cell such as ``=HYPERLINK(...)`` for the
spreadsheet to evaluate. The trail is read by the three partners in Excel or LibreOffice: times are given in the
portal's time zone (``TIME_ZONE``, Africa/Casablanca, as the admin shows them) to the second, and any text cell that
a spreadsheet would take for a formula (starting with ``= + - @``, a tab or a carriage return) is prefixed with an
apostrophe, which spreadsheets show as plain text (OWASP's advice for CSV injection). XLSX cells are written as
strings by Wagtail already; they are neutralised the same way so that both files say the same.
"""

import datetime

from django.utils import timezone

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` as a spreadsheet shows it literally: text that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def portal_time(value):
    """An aware datetime as a naive one in the portal's time zone, to the second."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0, tzinfo=None)


class PortalSpreadsheetExportMixin:
    """Mixed into a Wagtail ``ReportView`` (left of it): local times without microseconds, neutralised text."""

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            value = portal_time(value)
            if export_format == self.FORMAT_CSV:
                return value.isoformat(sep=" ")
        return neutralise(super().preprocess_field_value(field, value, export_format))
