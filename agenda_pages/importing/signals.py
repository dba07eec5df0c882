"""What the importer tells the rest of the site, so it need not know who listens.

``feed_imported`` is sent once for every import run that was recorded (never for a dry run), after
the transaction that recorded it commits, so a receiver finds the events the run saved. Arguments:

- ``source``: the :class:`~agenda_pages.models.FeedSource`;
- ``run``: the :class:`~agenda_pages.models.ImportRun` just recorded;
- ``report``: the run's :class:`~agenda_pages.importing.service.ImportReport` (status, counts,
  warnings), the same object :func:`~agenda_pages.importing.service.import_source` returns;
- ``awaiting_review``: ids of the pages the run put in front of the centre's reviewers;
- ``changed_live``: ids of the live pages whose public dates the run changed in place (cancelled,
  withdrawn, shown again). A change the run published as a revision is not among them: Wagtail's
  ``page_published`` announces it. New drafts and changes waiting for review change nothing public.

A receiver that fails is logged and does not undo the import, nor keep the other receivers from
running.
"""

from django.dispatch import Signal

feed_imported = Signal()
