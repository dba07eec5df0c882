"""Static files under the production settings: collected with hashed names and served by whitenoise
with far-future caching, so a CDN and browsers keep them until a deploy changes their name."""

import json

from tests.kankernl_site.test_settings import PRODUCTION, production_environment, run_manage

# collectstatic and two requests, in one process with the production settings: whitenoise reads
# STATIC_ROOT when the first request builds the middleware, after the files are there.
COLLECT_AND_REQUEST = """
import json
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

call_command("collectstatic", interactive=False, verbosity=0)
client = Client(HTTP_HOST="agenda.example.nl")
hashed_url = staticfiles_storage.url("css/site.css")
hashed = client.get(hashed_url, secure=True)
plain = client.get("/static/css/site.css", secure=True)
print(json.dumps({
    "url": hashed_url,
    "hashed": [hashed.status_code, hashed.get("Cache-Control")],
    "plain": [plain.status_code, plain.get("Cache-Control")],
}))
"""


def test_hashed_static_files_are_cached_for_ten_years(tmp_path):
    env = {**production_environment(tmp_path), "STATIC_ROOT": str(tmp_path / "static")}
    result = run_manage("shell", f"--settings={PRODUCTION}", "-c", COLLECT_AND_REQUEST, **env)
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout.strip().splitlines()[-1])

    assert served["url"].startswith("/static/css/site.") and served["url"] != "/static/css/site.css"
    assert served["hashed"] == [200, "max-age=315360000, public, immutable"]
    # The name without a hash may change content at the next deploy: whitenoise's short default.
    assert served["plain"] == [200, "max-age=60, public"]
