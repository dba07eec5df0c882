"""The cluster starts the worker with the priority its shipped systemd unit gives it, and a unit that
no longer sets what the cluster follows is a clear error. Needs no services."""

from pathlib import Path

import pytest

from deploy.local_cluster import unit_setting


def test_the_worker_runs_at_the_units_niceness():
    assert unit_setting("kankernl-worker.service", "Nice") == "10"


def test_a_setting_the_unit_lacks_is_refused():
    with pytest.raises(RuntimeError, match="no longer sets Nice="):
        unit_setting("kankernl-web.service", "Nice")


def test_the_clusters_worker_runs_at_that_niceness(cluster):
    """Field 19 of /proc/PID/stat is the process's nice value."""
    worker = cluster.processes["worker"].popen.pid
    stat = Path(f"/proc/{worker}/stat").read_text()
    assert stat.rsplit(")", 1)[1].split()[16] == "10"
