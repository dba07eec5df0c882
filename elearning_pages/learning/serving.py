"""Keeping one learner's pages out of shared caches.

A course or lesson page shows a learner's own answers and progress only when their cookie is
present. The site's page cache already skips requests with cookies; ``Cache-Control: private``
tells every cache between the site and the browser to do the same.
"""

from django.utils.cache import patch_cache_control

from .identity import looked_up_learner


def private_for_learners(serve):
    """``on_serve_page`` hook: a page that looked up a learner, and found one, is private."""

    def serve_page(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        if looked_up_learner(request) is not None:
            patch_cache_control(response, private=True)
        return response

    return serve_page
