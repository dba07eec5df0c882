"""Reading the cluster's database directly, as an operator would with psql."""

import time

from deploy.local_cluster import LocalCluster


def rows(cluster: LocalCluster, sql: str, *params) -> list[tuple]:
    return cluster.query(sql, *params)


def wait_for(cluster: LocalCluster, sql: str, *params, count: int = 1, seconds: float = 90) -> list[tuple]:
    """The rows of ``sql`` once there are at least ``count``; fails after ``seconds`` with the logs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = rows(cluster, sql, *params)
        if len(found) >= count:
            return found
        time.sleep(0.5)
    logs = {name: process.log_tail(1500) for name, process in cluster.processes.items() if name != "nginx"}
    raise AssertionError(f"fewer than {count} rows after {seconds} s for {sql!r}; logs: {logs}")


def imported_events(cluster: LocalCluster, titles) -> dict[str, tuple[int, bool, str]]:
    """The imported event pages by title: (id, live, url_path), once the worker imported them all."""
    found = wait_for(
        cluster,
        "SELECT p.title, p.id, p.live, p.url_path FROM wagtailcore_page p"
        " JOIN agenda_pages_eventpage e ON e.page_ptr_id = p.id WHERE p.title = ANY(%s)",
        list(titles),
        count=len(titles),
    )
    return {title: (page_id, live, url_path) for title, page_id, live, url_path in found}


def public_path(cluster: LocalCluster, model: str) -> str:
    """The address of the first live Dutch page of ``model`` (a content type's model name)."""
    found = rows(
        cluster,
        "SELECT p.url_path, home.url_path FROM wagtailcore_page p"
        " JOIN django_content_type ct ON ct.id = p.content_type_id"
        " JOIN wagtailcore_site s ON s.is_default_site JOIN wagtailcore_page home ON home.id = s.root_page_id"
        " WHERE ct.model = %s AND p.live AND p.path LIKE home.path || '%%' ORDER BY p.path LIMIT 1",
        model,
    )
    assert found, f"no live {model}"
    url_path, home_path = found[0]
    return "/" + url_path.removeprefix(home_path)
