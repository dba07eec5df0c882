"""Django's ConditionalGetMiddleware, keeping a response's CORS headers on the 304 it answers with.

Django builds the 304 anew and copies only the headers RFC 9110 names (ETag, Last-Modified,
Cache-Control, ...). A script on another site that polls the agenda's JSON with If-None-Match would
then get a 304 without ``Access-Control-Allow-Origin``, which the browser hides from it as a
failed request.
"""

from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGetMiddleware


class ConditionalGetMiddleware(DjangoConditionalGetMiddleware):
    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is not response:
            for name, value in response.items():
                if name.lower().startswith("access-control-"):
                    answer[name] = value
        return answer
