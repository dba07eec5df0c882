from django.core.management.base import BaseCommand

from agenda_pages.demo import load_agenda_demo
from elearning_pages.demo.loader import load_elearning_demo
from home.demo import DEMO_ADMIN_USERNAME, load_demo_content
from toolbox.demo.loader import load_toolbox_demo


class Command(BaseCommand):
    help = "Create the demo site (Dutch pages with English translations). Safe to run again."

    def handle(self, *args, **options):
        result = load_demo_content()
        if result.created:
            self.stdout.write(f"Created {len(result.created)} demo pages.")
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        if created := load_elearning_demo():
            self.stdout.write(f"Created {len(created)} e-learning pages.")
        if created := load_toolbox_demo():
            self.stdout.write(f"Created {len(created)} toolbox pages.")
        for line in load_agenda_demo():
            self.stdout.write(f"Demo centre {line}")
        if result.admin_password:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo admin login: {DEMO_ADMIN_USERNAME} / {result.admin_password} (development only)"
                )
            )
