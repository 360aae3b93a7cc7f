from django.core.management.base import BaseCommand

from subscriptions.digest import send_all


class Command(BaseCommand):
    help = (
        "Queue a digest for each confirmed subscriber of the partner-approved pages that went live or were updated "
        "since their last digest (subscriptions/digest.py). Safe to run again, or twice at once: nothing is sent twice."
    )

    def handle(self, *args, **options):
        report = send_all()
        self.stdout.write(
            f"{report.messages} digest(s) queued for {report.subscribers} subscriber(s), {report.items} item(s)."
        )
