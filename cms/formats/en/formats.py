"""English dates as the British Embassy and Morocco write them: day before month, 24-hour clock.

Django's "en" formats are American ("Dec. 1, 2026, 2:30 p.m."); the portal's English is British English.
"""

from django.conf.locale.en_GB.formats import *  # noqa: F403  (the British formats, then the portal's changes)

DATE_FORMAT = "j F Y"  # 1 December 2026
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j F Y, H:i"  # 1 December 2026, 14:30
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 01/12/2026 14:30
