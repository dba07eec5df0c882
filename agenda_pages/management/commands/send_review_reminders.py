from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from agenda_pages.moderation.notifications import send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mail each centre's reviewers (or the moderators, for a centre without staff with an e-mail "
        "address) about the events that have waited for review for more than a week: one e-mail per centre."
    )

    def handle(self, *args, **options):
        report = send_review_reminders(timezone.now())
        self.stdout.write(
            f"{report.events} events of {report.centres} centres wait more than a week; {report.sent} reminders sent."
        )
        if report.failed:
            raise CommandError(f"{report.failed} reminders could not be sent.", returncode=1)
