"""A node that dies mid-traffic costs no request nginx can retry; a node that loses its database says
so on /healthz and recovers when the database is back."""

import signal
import threading
import time

import requests

from tests.production.client import Client
from tests.production.tcp_proxy import TcpProxy

CLIENTS = 6
PATHS = ("/", "/agenda/", "/centra/", "/zoeken/?q=wandelen", "/agenda/rss/", "/agenda/embed/")


def traffic_while_stopping_node_b(cluster, how: signal.Signals) -> list[int | str]:
    """Six clients request pages through nginx; after 2 s node B is stopped with ``how``; 3 s later
    the clients stop and node B is started again. The status of each request, or its error's name."""
    results: list[int | str] = []
    stop = threading.Event()

    def visit():
        client = Client(cluster)
        index = 0
        while not stop.is_set():
            try:
                results.append(client.get(PATHS[index % len(PATHS)]).status_code)
            except requests.RequestException as error:
                results.append(type(error).__name__)
            index += 1

    threads = [threading.Thread(target=visit) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    port = cluster.processes["nodeb"].port
    try:
        cluster.stop("nodeb", how)
        time.sleep(3)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        cluster.start_node("nodeb", port=port)  # back for the other tests
    return results


def test_a_node_stopped_mid_traffic_loses_no_request(cluster):
    """A stop (SIGTERM, as systemd and a deploy do it): gunicorn finishes what it has begun, and nginx
    sends what node B no longer takes to node A."""
    results = traffic_while_stopping_node_b(cluster, signal.SIGTERM)

    assert len(results) > 50
    assert set(results) == {200}, [result for result in results if result != 200][:10]


def test_a_node_killed_mid_traffic_loses_only_answers_it_had_begun(cluster):
    """A crash (SIGKILL): nginx retries every request node B had not begun to answer, so nobody gets
    an error page; an answer node B was sending at that moment is cut off (nginx had passed its
    first bytes on and cannot take them back), at most one per client."""
    results = traffic_while_stopping_node_b(cluster, signal.SIGKILL)

    statuses = [result for result in results if isinstance(result, int)]
    cut_off = [result for result in results if not isinstance(result, int)]
    assert len(statuses) > 50
    assert set(statuses) == {200}
    assert set(cut_off) <= {"ChunkedEncodingError"} and len(cut_off) <= CLIENTS, cut_off


def test_healthz_is_503_while_the_database_is_away_and_200_when_it_is_back(cluster):
    with TcpProxy(5432) as proxy:
        url = f"postgres://postgres@127.0.0.1:{proxy.port}/{cluster.db_name}"
        cluster.start_node("nodez", env={"DATABASE_URL": url})
        try:
            node = Client(cluster, "nodez")
            healthy = node.get("/healthz")
            assert healthy.status_code == 200, healthy.text
            assert healthy.json()["checks"]["database"]["ok"] is True

            proxy.pause()  # the database is unreachable; open connections are cut
            failing = node.get("/healthz")
            assert failing.status_code == 503
            assert failing.json()["status"] == "failing"
            assert failing.json()["checks"]["database"]["ok"] is False
            assert failing.json()["checks"]["cache"]["ok"] is True

            proxy.resume()
            recovered = node.get("/healthz")
            assert recovered.status_code == 200, recovered.text
        finally:
            cluster.stop("nodez")
