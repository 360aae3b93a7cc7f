"""E-mail subscriptions: readers are told, in their language, when partner-approved content goes live.

A reader subscribes at ``/<lang>/subscribe/`` and confirms from a signed link (double opt-in); only confirmed
addresses are stored. ``manage.py send_subscriptions`` sends each confirmed subscriber a digest of the live public
pages that went live or were updated since their last digest, whose published revision the three partners approved
(``subscriptions.digest``). Every message carries a signed link to change or cancel the subscription and RFC 8058
one-click unsubscribe headers.

It reads the content apps and dissemination's feed definitions and is read by none of them: only the URL
configuration, the admin hooks and the footer's link (by address) know it.
"""
