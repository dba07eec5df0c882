from django.core.management.base import BaseCommand

from agenda_pages.moderation import roles


class Command(BaseCommand):
    help = (
        "Create or repair the groups Redactie, Eindredactie and one 'Centrum <name>' per centre, their "
        "permissions, and the workflows Redactie and Evenementen. Safe to run again; migrate runs it too."
    )

    def handle(self, *args, **options):
        roles.create_all_permissions()
        roles.ensure_roles()
        self.stdout.write(self.style.SUCCESS("Roles and workflows are set up."))
