"""A visitor or an editor talking to the cluster: through nginx (HTTPS), or to one node directly as
nginx does (plain HTTP with X-Forwarded-Proto, the host name and the visitor's address).

Cookies are kept here rather than in a cookie jar: the site's cookies are Secure, and a jar would
not send them to a node's plain-HTTP address, although nginx would.
"""

import re
from html import unescape

import requests

from deploy.local_cluster import HOST, LocalCluster

# A browser's User-Agent: the usage counts leave out what calls itself python-requests.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


class Client:
    def __init__(self, cluster: LocalCluster, node: str | None = None, visitor_ip: str = "192.0.2.10"):
        self.cluster = cluster
        self.cookies: dict[str, str] = {}
        self.visitor_ip = visitor_ip
        self.use(node)

    def use(self, node: str | None) -> "Client":
        """Talk to ``node`` ("nodea", "nodeb") from now on, or to nginx with None; cookies stay."""
        self.node = node
        return self

    def _target(self, path: str) -> tuple[str, dict[str, str]]:
        if self.node is None:
            return f"{self.cluster.base_url}{path}", {}
        port = self.cluster.processes[self.node].port
        headers = {
            "Host": f"{HOST}:{self.cluster.https_port}",
            "X-Forwarded-Proto": "https",
            "X-Real-IP": self.visitor_ip,
        }
        return f"http://127.0.0.1:{port}{path}", headers

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        url, headers = self._target(path)
        headers["User-Agent"] = BROWSER
        headers.update(kwargs.pop("headers", {}))
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method,
            url,
            headers=headers,
            verify=str(self.cluster.workdir / "cert.pem"),
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post_form(self, path: str, data: dict, token_from: str | None = None) -> requests.Response:
        """POST ``data`` with the CSRF token of the form at ``token_from`` (default: ``path``)."""
        page = self.get(token_from or path)
        token = csrf_token(page.text)
        referer = f"{self.cluster.base_url}{token_from or path}"
        return self.request("POST", path, data={"csrfmiddlewaretoken": token, **data}, headers={"Referer": referer})

    def log_in(self, username: str, password: str) -> requests.Response:
        response = self.post_form("/admin/login/", {"username": username, "password": password})
        assert response.status_code == 302, response.text[:2000]
        return response


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token in the form"
    return unescape(match.group(1))
