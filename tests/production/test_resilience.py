"""A node that dies mid-traffic costs no request nginx can retry; a node that loses its database says
so on /healthz and recovers when the database is back."""

import signal
import threading
import time

import requests

from tests.production.client import Client
from tests.production.tcp_proxy import TcpProxy

PATHS = ("/", "/agenda/", "/centra/", "/zoeken/?q=wandelen", "/agenda/rss/", "/agenda/embed/")


def test_killing_a_node_mid_traffic_loses_no_request(cluster):

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

    threads = [threading.Thread(target=visit) for _ in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    port = cluster.processes["nodeb"].port
    cluster.stop("nodeb", signal.SIGKILL)  # no goodbye: the requests on node B are cut off
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join()
    try:
        assert len(results) > 50
        assert set(results) == {200}, [r for r in results if r != 200][:10]
    finally:
        cluster.start_node("nodeb", port=port)  # back for the other tests


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
