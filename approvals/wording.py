"""Wagtail's words for a submission, in the portal's words.

After a submission Wagtail tells the editor that the page "has been submitted for moderation", and its listings
mark the page "in moderation"; on this portal a submission goes to the three partners, as every other message and
button says ("Soumettre à l’approbation des partenaires"). These are Wagtail's own message ids, marked here so that
``make messages`` keeps them in the portal's catalogues, whose translations take precedence over Wagtail's
(``LOCALE_PATHS``). If Wagtail rewords them, the portal's entries stop matching:
``approvals/tests/test_submission_wording.py`` submits through the real views and would fail.
"""

from django.utils.translation import gettext_noop

WAGTAIL_SUBMISSION_MESSAGES = (
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
)
# The status column of the page explorer and the snippet listings.
WAGTAIL_STATUSES = (gettext_noop("in moderation"), gettext_noop("live + in moderation"))
# The status tag's screen-reader label, which Wagtail's French catalogue spells "Status actuel de la page".
WAGTAIL_STATUS_LABEL = gettext_noop("Current page status:")
