from django.db import migrations

AUDIENCE_CODES = ["patients", "relatives", "bereaved", "professionals"]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("agenda_pages", "Audience")
    for code in AUDIENCE_CODES:
        Audience.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("agenda_pages", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
