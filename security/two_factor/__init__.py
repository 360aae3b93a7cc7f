"""Two-factor authentication for the admin: a TOTP app (a code every 30 seconds) and single-use recovery codes.

The partners' reviewer accounts are the keys to publication, so a password alone must not open them. Built on
django-otp (``otp_totp`` for the app, ``otp_static`` for recovery codes, both with its throttle on wrong codes) and
segno (the QR code, drawn by the portal as an SVG data URI: no third-party service sees the secret). wagtail-2fa
was evaluated and refused: its 1.8.0 release does not import on Wagtail 8 (``wagtail.users.widgets`` is gone), has
no recovery codes and no Arabic.

- ``rules``: who must enrol, and what a signed-in session still has to do;
- ``devices``: the authenticator and the recovery codes of an account (enrol, check a code, reset);
- ``middleware``: until the session has passed its second factor, only the 2FA pages, sign-out and static files;
- ``views``, ``forms``, ``urls``: the pages (registered in the admin by ``security/wagtail_hooks.py``).
"""
