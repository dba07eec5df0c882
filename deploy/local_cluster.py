"""The production setup on this machine's loopback: nginx (deploy/nginx/) in front of gunicorn nodes
(deploy/gunicorn.conf.py) with the production settings, a task worker and the scheduler, all on one
fresh PostgreSQL database and one Redis database. tests/production/ and bench/load_bench.py use it.

    .venv/bin/python deploy/local_cluster.py     # starts it with the demo content; Ctrl-C stops it

Nothing here is a second configuration: nginx runs the shipped site file with only the values marked
``CHANGE`` replaced (ports, host name, certificate, media folder), so a change to that file is tested.
"""

import configparser
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import redis

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEPLOY_DIR = PROJECT_ROOT / "deploy"
PG_BASE = os.environ.get("CLUSTER_PG_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_BASE = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/9")
HOST = "localhost"
STARTUP_SECONDS = 60


def unit_setting(unit: str, key: str, section: str = "Service") -> str:
    """A value from a shipped systemd unit, so the cluster runs a process as production does."""
    parser = configparser.ConfigParser(strict=False, interpolation=None)  # units may repeat keys; % is theirs
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read(DEPLOY_DIR / "systemd" / unit)
    value = parser.get(section, key, fallback=None)
    if value is None:
        raise RuntimeError(f"deploy/systemd/{unit} no longer sets {key}=, which the cluster follows")
    return value


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def services_missing() -> list[str]:
    """What this machine lacks to run the cluster, in words; empty when everything is there."""
    missing = [f"{name} (Debian's {name})" for name in ("nginx", "openssl") if not _which(name)]
    try:
        psycopg.connect(f"{PG_BASE}/postgres", connect_timeout=3).close()
    except psycopg.Error:
        missing.append(f"PostgreSQL at {PG_BASE}")
    try:
        redis.Redis.from_url(REDIS_BASE, socket_connect_timeout=3).ping()
    except redis.RedisError:
        missing.append(f"Redis at {REDIS_BASE}")
    return missing


def _which(name: str) -> str | None:
    return shutil.which(name) or next(
        (str(path) for path in (Path("/usr/sbin") / name, Path("/sbin") / name) if path.exists()), None
    )


def render_site_config(
    text: str, *, nodes: list[int], http_port: int, https_port: int, cert: Path, key: Path, media_root: Path
) -> str:
    """deploy/nginx/kankernl.conf with the values marked CHANGE replaced for loopback ports."""
    proxy_conf = DEPLOY_DIR / "nginx" / "kankernl_proxy.conf"
    replacements = [
        (
            r"^\s*server 127\.0\.0\.1:8001 .*# CHANGE: node A\n\s*server 127\.0\.0\.1:8002 .*# CHANGE: node B\n",
            "".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;\n" for port in nodes),
        ),
        (r"^\s*listen 80;.*\n", f"    listen 127.0.0.1:{http_port};\n"),
        (r"^\s*listen \[::\]:80;.*\n", ""),
        (r"^\s*listen 443 ssl http2;.*\n", f"    listen 127.0.0.1:{https_port} ssl http2;\n"),
        (r"^\s*listen \[::\]:443 ssl http2;.*\n", ""),
        (r"server_name agenda\.example\.nl;", f"server_name {HOST};"),
        (r"ssl_certificate /etc/\S+;", f"ssl_certificate {cert};"),
        (r"ssl_certificate_key /etc/\S+;", f"ssl_certificate_key {key};"),
        (r"alias /srv/kankernl/var/media/;", f"alias {media_root}/;"),
        (r"include /etc/nginx/kankernl_proxy\.conf;", f"include {proxy_conf};"),
    ]
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        if not count:
            raise RuntimeError(f"deploy/nginx/kankernl.conf no longer has what the cluster replaces: {pattern}")
    return text


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path
    port: int | None = None

    def log_tail(self, characters: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-characters:] if self.log.exists() else ""


@dataclass
class LocalCluster:
    """Start with :meth:`start`; ``with LocalCluster() as cluster:`` stops everything and drops the database."""

    nodes: int = 2
    # gunicorn workers per node; None: what deploy/gunicorn.conf.py decides (2 per core + 1).
    workers_per_node: int | None = 2
    extra_env: dict[str, str] = field(default_factory=dict)
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="kankernl-cluster-")))
    db_name: str = field(default_factory=lambda: f"kankernl_cluster_{os.getpid()}_{secrets.token_hex(3)}")
    processes: dict[str, Process] = field(default_factory=dict)
    http_port: int = field(default_factory=free_port)
    https_port: int = field(default_factory=free_port)
    # One key for every process, as one environment file gives them: sessions and CSRF tokens are
    # signed with it, and a node with another key would refuse what its neighbour signed.
    secret_key: str = field(default_factory=lambda: f"cluster-{secrets.token_urlsafe(48)}")

    # -- the environment every process shares ---------------------------------------------------------
    @property
    def database_url(self) -> str:
        return f"{PG_BASE}/{self.db_name}"

    @property
    def base_url(self) -> str:
        return f"https://{HOST}:{self.https_port}"

    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "LD_PRELOAD", "FAKETIME"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="kankernl_site.settings.production",
            DJANGO_SECRET_KEY=self.secret_key,
            DJANGO_ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            DJANGO_CSRF_TRUSTED_ORIGINS=self.base_url,
            DJANGO_SECURE_PROXY_SSL_HEADER="1",
            WAGTAILADMIN_BASE_URL=self.base_url,
            DATABASE_URL=self.database_url,
            REDIS_URL=REDIS_BASE,
            RATE_LIMIT_IP_HEADER="HTTP_X_REAL_IP",
            MEDIA_ROOT=str(self.workdir / "media"),
            DJANGO_SENDFILE_URL="/_documents/",
            STATIC_ROOT=str(self.workdir / "static"),
            DJANGO_VAR_DIR=str(self.workdir / "var"),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            FEEDS_ALLOW_PRIVATE_HOSTS="1",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        return env

    # -- set-up --------------------------------------------------------------------------------------
    def manage(self, *args: str, check: bool = True, env: dict | None = None, timeout: float = 600):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env={**self.env(), **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
        return result

    def prepare(self) -> None:
        """A fresh database and Redis, migrated, static files collected, a certificate for nginx."""
        with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.db_name}"')
        redis.Redis.from_url(REDIS_BASE).flushdb()
        (self.workdir / "media").mkdir()
        self.manage("migrate", "--no-input")
        self.manage("collectstatic", "--no-input")
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                f"/CN={HOST}",
                "-addext",
                f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
                "-keyout",
                str(self.workdir / "key.pem"),
                "-out",
                str(self.workdir / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )

    # -- processes -----------------------------------------------------------------------------------
    def _spawn(self, name: str, command: list[str], port: int | None = None, env: dict | None = None) -> Process:
        log = self.workdir / f"{name}.log"
        popen = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env={**self.env(), **(env or {})},
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process = Process(name, popen, log, port)
        self.processes[name] = process
        return process

    def start_node(self, name: str, port: int | None = None, env: dict | None = None) -> Process:
        port = port or free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(DEPLOY_DIR / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            *(["--workers", str(self.workers_per_node)] if self.workers_per_node else []),
            "kankernl_site.wsgi",
        ]
        process = self._spawn(name, command, port, env)
        self._wait(process, lambda: self._answers(f"http://127.0.0.1:{port}/healthz"))
        return process

    def start_worker(self, name: str = "worker") -> Process:
        # With its systemd unit's priority: on shared cores, visitors' requests go first.
        niceness = unit_setting("kankernl-worker.service", "Nice")
        command = [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"]
        return self._spawn(name, ["nice", "-n", niceness, *command])

    def start_scheduler(self, name: str = "scheduler", minutes: float = 0.05) -> Process:
        return self._spawn(name, [sys.executable, "manage.py", "run_scheduler", "--interval", str(minutes)])

    def start_nginx(self) -> Process:
        node_ports = [process.port for name, process in self.processes.items() if name.startswith("node")]
        site = render_site_config(
            (DEPLOY_DIR / "nginx" / "kankernl.conf").read_text(),
            nodes=node_ports,
            http_port=self.http_port,
            https_port=self.https_port,
            cert=self.workdir / "cert.pem",
            key=self.workdir / "key.pem",
            media_root=self.workdir / "media",
        )
        (self.workdir / "kankernl.conf").write_text(site)
        temp = self.workdir / "nginx-temp"
        temp.mkdir(exist_ok=True)
        main = f"""
daemon off;
{"user root;" if os.getuid() == 0 else ""}
worker_processes 2;
pid {self.workdir}/nginx.pid;
error_log {self.workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.workdir}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.workdir}/kankernl.conf;
}}
"""
        (self.workdir / "nginx.conf").write_text(main)
        process = self._spawn(
            "nginx", [_which("nginx"), "-c", str(self.workdir / "nginx.conf"), "-p", str(self.workdir)]
        )
        self._wait(process, lambda: self._answers(f"http://127.0.0.1:{self.http_port}/healthz"))
        return process

    def start(self, *, worker: bool = True, scheduler: bool = True) -> "LocalCluster":
        self.prepare()
        for index in range(self.nodes):
            self.start_node(f"node{chr(ord('a') + index)}")
        self.start_nginx()
        if worker:
            self.start_worker()
        if scheduler:
            self.start_scheduler()
        return self

    def stop(self, name: str, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
        process = self.processes.pop(name)
        if process.popen.poll() is None:
            os.killpg(process.popen.pid, sig)
            try:
                process.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.popen.pid, signal.SIGKILL)
                process.popen.wait()

    def close(self) -> None:
        for name in list(self.processes):
            self.stop(name)
        try:
            with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "LocalCluster":
        try:
            return self.start()
        except BaseException:
            self.close()
            raise

    def __exit__(self, *exc) -> None:
        self.close()

    # -- waiting and asking --------------------------------------------------------------------------
    @staticmethod
    def _answers(url: str) -> bool:
        request = urllib.request.Request(url, headers={"Host": HOST})
        try:
            urllib.request.urlopen(request, timeout=5).close()
        except urllib.error.HTTPError:
            return True  # any HTTP answer means the server is up
        except OSError:
            return False
        return True

    def _wait(self, process: Process, ready) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if process.popen.poll() is not None:
                raise RuntimeError(f"{process.name} stopped during start-up:\n{process.log_tail()}")
            if ready():
                return
            time.sleep(0.2)
        raise RuntimeError(f"{process.name} did not start within {STARTUP_SECONDS} s:\n{process.log_tail()}")

    def query(self, sql: str, *params) -> list[tuple]:
        """Rows from the cluster's database, read directly as an operator would with psql."""
        with psycopg.connect(self.database_url) as connection:
            return connection.execute(sql, params).fetchall()

    def tls_context(self) -> ssl.SSLContext:
        """Trusts the cluster's own certificate, and nothing else."""
        return ssl.create_default_context(cafile=str(self.workdir / "cert.pem"))

    def memory_kib(self, name: str) -> int:
        """Resident memory of a process and its children (gunicorn's workers), in KiB."""
        return sum(_rss_kib(pid) for pid in _process_tree(self.processes[name].popen.pid))


def _process_tree(pid: int) -> list[int]:
    pids = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for child_pid in child.read_text().split():
            pids.extend(_process_tree(int(child_pid)))
    return pids


def _rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, flags=re.MULTILINE)
    return int(match.group(1)) if match else 0


if __name__ == "__main__":
    missing = services_missing()
    if missing:
        raise SystemExit("The cluster needs " + ", ".join(missing) + ".")
    with LocalCluster() as cluster:
        cluster.manage("load_demo")
        print(f"{cluster.base_url}/ (certificate {cluster.workdir / 'cert.pem'}); Ctrl-C stops.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
