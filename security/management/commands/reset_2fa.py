"""Remove an account's second factor from the server, for when no superuser can sign in to do it in the admin (the
last superuser lost their phone and recovery codes): ``manage.py reset_2fa --username admin``. Logged."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from security.audit import TWO_FACTOR_RESET, record
from security.two_factor import devices


class Command(BaseCommand):
    help = "Remove an account's two-factor app and recovery codes (logged); it enrols again at its next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)

    def handle(self, *args, username, **options):
        account = get_user_model()._default_manager.filter(username=username).first()
        if account is None:
            raise CommandError(f"No account named {username!r}.")
        removed = devices.remove_all(account)
        record(TWO_FACTOR_RESET, account=account, by="command", devices_removed=removed)
        self.stdout.write(
            f"Two-factor authentication reset for {username}: {removed} device(s) removed. "
            "They set it up again at their next sign-in."
        )
