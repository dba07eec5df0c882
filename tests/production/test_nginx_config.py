"""The cluster runs the shipped nginx file with only the values marked CHANGE replaced: every one of
them is replaced, and a file that no longer has what the cluster replaces is a clear error, not a
cluster quietly running some other configuration. Needs no services."""

from pathlib import Path

import pytest

from deploy.local_cluster import DEPLOY_DIR, render_site_config

SHIPPED = (DEPLOY_DIR / "nginx" / "kankernl.conf").read_text()
VALUES = {
    "nodes": [18001, 18002, 18003],
    "http_port": 18080,
    "https_port": 18443,
    "cert": Path("/tmp/cluster/cert.pem"),
    "key": Path("/tmp/cluster/key.pem"),
    "media_root": Path("/tmp/cluster/media"),
}


def test_every_value_marked_change_is_replaced_for_loopback():
    rendered = render_site_config(SHIPPED, **VALUES)

    for shipped_value in ("agenda.example.nl", "/etc/letsencrypt", "/srv/kankernl", "/etc/nginx/kankernl_proxy"):
        assert shipped_value not in rendered
    assert "listen 80" not in rendered and "listen 443" not in rendered and "[::]" not in rendered
    assert "listen 127.0.0.1:18080;" in rendered
    assert "listen 127.0.0.1:18443 ssl http2;" in rendered
    assert [line.split()[1] for line in rendered.splitlines() if line.strip().startswith("server 127.")] == [
        "127.0.0.1:18001",
        "127.0.0.1:18002",
        "127.0.0.1:18003",
    ]
    assert "alias /tmp/cluster/media/;" in rendered
    assert f"include {DEPLOY_DIR / 'nginx' / 'kankernl_proxy.conf'};" in rendered


def test_a_changed_file_that_lacks_a_replaced_value_is_refused():
    changed = SHIPPED.replace("alias /srv/kankernl/var/media/;", "root /srv/media;")

    with pytest.raises(RuntimeError, match="no longer has what the cluster replaces"):
        render_site_config(changed, **VALUES)
