"""Arabic dates as Morocco's administration writes them: day before month, 24-hour clock.

Django's "ar" formats leave the date-and-time formats to the global defaults, which are American ("12/01/2026 4:09
p.m." for the first of December). The right-to-left marks keep the day, month and year in reading order.
"""

from django.conf.locale.ar.formats import *  # noqa: F403  (Django's Arabic formats, then the portal's changes)

DATE_FORMAT = "j F Y"  # 1 ديسمبر 2026
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
