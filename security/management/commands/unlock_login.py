"""Lift a login lockout early, for an account or an address, and write it to the security log.

django-axes lifts a lockout by itself after ``AXES_COOLOFF_TIME``; a superuser who has checked with the person (or
the security log) may lift it sooner: ``manage.py unlock_login --username dgct`` or ``--ip 203.0.113.7``.
"""

from axes.utils import reset
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from security.audit import UNLOCK, record


class Command(BaseCommand):
    help = "Lift a login lockout for a username or an IP address (logged)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="")
        parser.add_argument("--ip", default="")

    def handle(self, *args, username="", ip="", **options):
        if not username and not ip:
            raise CommandError("Give --username or --ip.")
        count = reset(ip=ip or None, username=username or None)
        account = get_user_model()._default_manager.filter(username=username).first() if username else None
        record(UNLOCK, account=account, username=username, unlocked_ip=ip, attempts_removed=count, by="command")
        self.stdout.write(f"Unlocked {username or ip}: {count} failed attempt(s) removed.")
