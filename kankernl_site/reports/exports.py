"""What every report's spreadsheet export needs on top of Wagtail's ``ReportView``."""


class HeadingsInUserLanguage:
    """Column headings in the language of the user who asked for the export.

    Wagtail streams a CSV after the request's language has been switched off again, so lazily
    translated headings would come out in the default interface language of no one: they are
    translated while the request's language is still active.
    """

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.export_headings = {field: str(heading) for field, heading in self.export_headings.items()}
        return super().as_spreadsheet(queryset, spreadsheet_format)
