"""Fixtures for the browser tests: Debian's chromium driven by Playwright against a live server.

Playwright's own browser download does not work here, so the tests launch /usr/bin/chromium
(``apt-get install chromium``) and inject axe-core from node_modules (``npm ci``). Where either is
missing the browser tests are skipped with the reason, unless REQUIRE_BROWSER_TESTS=1 is set (as
in CI): then they fail instead, so a broken CI machine cannot pass by skipping them.
"""

import logging
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop in the test thread, and Django refuses database
# work in a thread with a running loop. The tests only touch the database from that thread to set
# up and flush data, never concurrently with the loop, so the check is relaxed (for tests only).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these chromium tries to reach Google's servers and hangs on a machine without internet.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _required() -> bool:
    return os.environ.get("REQUIRE_BROWSER_TESTS", "").strip() == "1"


def _missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    reasons = []
    if not CHROMIUM.exists():
        reasons.append(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    if not AXE_SCRIPT.exists():
        reasons.append(f"axe-core is not installed at {AXE_SCRIPT.relative_to(PROJECT_ROOT)} (npm ci)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reasons.append("the playwright Python package is not installed (pip install -r requirements-dev.txt)")
    return "; ".join(reasons) or None


_skip_reason_key = pytest.StashKey[str]()


@pytest.hookimpl(trylast=True)  # after `-m` has deselected what will not run
def pytest_collection_modifyitems(config, items):
    reason = _missing_reason()
    if reason is None or _required():
        # When required, the `browser` fixture fails each test with the reason instead.
        return
    skip = pytest.mark.skip(reason=f"browser tests skipped: {reason}")
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    for item in browser_items:
        item.add_marker(skip)
    if browser_items:
        config.stash[_skip_reason_key] = reason


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reason = config.stash.get(_skip_reason_key, None)
    if reason:
        terminalreporter.write_sep("-", "browser tests", yellow=True)
        terminalreporter.write_line(f"browser tests skipped: {reason}", yellow=True)
        terminalreporter.write_line("Set REQUIRE_BROWSER_TESTS=1 to make this a failure (CI does).", yellow=True)


@pytest.fixture(scope="session")
def browser():
    """One chromium for the whole test session."""
    reason = _missing_reason()
    if reason is not None:
        if _required():
            pytest.fail(f"REQUIRE_BROWSER_TESTS=1 but {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}")

    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Django keeps database connections in a Local that switches to per-context storage while an
    # event loop runs in the thread, as Playwright's does from here on. Without this the tests would
    # get fresh connection objects, lacking the test database's serialized contents (so
    # serialized_rollback would silently stop restoring Wagtail's root page after each flush).
    django_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in django_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (no shared cookies or cache); all are closed afterwards.

    ``new_page()`` gives a desktop-sized page; keyword arguments go to ``browser.new_context``.
    """
    contexts = []

    def open_page(**context_options):
        context_options.setdefault("viewport", {"width": 1280, "height": 800})
        context = browser.new_context(**context_options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A fresh desktop-sized page for one test."""
    return new_page()


@contextmanager
def quiet_tasks():
    """Every page save runs a few tasks at once, each logged at INFO: noise in a failure report."""
    tasks_logger = logging.getLogger("django_tasks")
    level = tasks_logger.level
    tasks_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        tasks_logger.setLevel(level)


@pytest.fixture
def live_demo_site(transactional_db, live_server):
    """The demo content, committed so the live server (another thread) sees it."""
    from home.demo import load_demo_content

    with quiet_tasks():
        load_demo_content()
    return live_server


@pytest.fixture
def site_url(live_demo_site):
    """Absolute URL on the live server for a path such as ``/en/about/``."""

    def url(path: str) -> str:
        return f"{live_demo_site.url}{path}"

    return url


@pytest.fixture(scope="session")
def axe_script() -> str:
    return str(AXE_SCRIPT)


@pytest.fixture(scope="session")
def screenshot_path():
    """Where the browser tests leave screenshots for a person to look at: ``var/screenshots/`` (not
    committed), or the folder in ``BROWSER_SCREENSHOTS``. Each run overwrites the previous files."""
    folder = Path(os.environ.get("BROWSER_SCREENSHOTS") or PROJECT_ROOT / "var" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)

    def path(name: str) -> str:
        return str(folder / name)

    return path
