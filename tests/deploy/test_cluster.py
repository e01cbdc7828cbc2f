"""deploy/cluster.py: the nginx configuration rendered from deploy/nginx.conf, and its command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from deploy.cluster import REPO, STATIC, render_nginx_conf

REPLICAS = ["10.0.0.11:8501", "10.0.0.12:8501"]


def _servers(conf: str) -> list[str]:
    """The upstream servers, in order (not the `server {` block)."""
    return re.findall(r"^\s*server ([\w.-]+:\d+)", conf, re.MULTILINE)


def test_every_placeholder_is_filled_and_every_replica_is_an_upstream_server(tmp_path: Path) -> None:
    conf = render_nginx_conf(REPLICAS, listen="80", root=tmp_path)
    assert "{{" not in conf
    assert "}}" not in conf
    assert _servers(conf) == REPLICAS
    assert re.search(r"^\s*listen 80;", conf, re.MULTILINE)
    assert f"pid {tmp_path}/nginx.pid;" in conf
    assert f"alias {STATIC}/;" in conf
    assert f"root {REPO / 'deploy'};" in conf  # where busy.html is served from
    assert (REPO / "deploy" / "busy.html").is_file()


@pytest.mark.parametrize(
    ("max_conns", "upstream_header", "capped", "header"),
    [(0, False, False, False), (40, False, True, False), (0, True, False, True), (12, True, True, True)],
)
def test_connection_cap_and_upstream_header_only_when_asked(
    tmp_path: Path, max_conns: int, upstream_header: bool, capped: bool, header: bool
) -> None:
    conf = render_nginx_conf(
        REPLICAS, listen="80", root=tmp_path, max_conns=max_conns, upstream_header=upstream_header
    )
    server_lines = [line for line in conf.splitlines() if re.match(r"\s*server [\w.-]+:\d+", line)]
    assert len(server_lines) == len(REPLICAS)
    assert all((f"max_conns={max_conns} " in line) == capped for line in server_lines)
    assert ("add_header X-Hall-Upstream" in conf) == header  # it discloses internal addresses


def test_no_replicas_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one replica"):
        render_nginx_conf([], listen="80", root=tmp_path)


def test_a_template_placeholder_without_a_value_is_named(tmp_path: Path) -> None:
    template = tmp_path / "nginx.conf"
    template.write_text("listen {{listen}};\nssl_certificate {{certificate}};\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\{\{certificate\}\}"):
        render_nginx_conf(REPLICAS, listen="80", root=tmp_path, template=template)


def test_render_command_prints_the_configuration_as_the_readme_shows(tmp_path: Path) -> None:
    static = tmp_path / "static"
    done = subprocess.run(
        [sys.executable, "-m", "deploy.cluster", "render", "--listen", "8080", "--static", str(static)]
        + [arg for replica in REPLICAS for arg in ("--replica", replica)]
        + ["--root", str(tmp_path), "--max-conns", "50"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _servers(done.stdout) == REPLICAS
    assert "max_conns=50" in done.stdout
    assert re.search(r"^\s*listen 8080;", done.stdout, re.MULTILINE)
    assert f"alias {static}/;" in done.stdout
    assert "X-Hall-Upstream" not in done.stdout  # never in a real deployment's configuration


def test_render_command_without_a_replica_fails_with_usage() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "deploy.cluster", "render"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "--replica" in done.stderr


# What a log line may never hold: the client's address, or the URL's query string (what a visitor
# searched for, a person's id) — nginx variables that carry either.
LEAKY_VARIABLES = [
    "$remote_addr",
    "$binary_remote_addr",
    "$realip_remote_addr",
    "$http_x_forwarded_for",
    "$http_x_real_ip",
    "$proxy_add_x_forwarded_for",
    "$request ",  # the whole request line, query and all
    "$request_uri",
    "$args",
    "$query_string",
    "$arg_",
    "$http_referer",  # the page the visitor came from, with its query string
    "$http_cookie",
]


def test_access_log_lines_hold_no_address_and_no_query_string(tmp_path: Path) -> None:
    conf = render_nginx_conf(REPLICAS, listen="80", root=tmp_path)
    formats = dict(re.findall(r"^\s*log_format\s+(\w+)\s+'([^']*)';", conf, re.MULTILINE))
    assert formats, "a log format of the hall's own: nginx's default one logs addresses and URLs"
    for name, fields in formats.items():
        leaks = [v for v in LEAKY_VARIABLES if v in fields + " "]
        assert not leaks, f"log_format {name} holds {leaks}"
    access_logs = re.findall(r"^\s*access_log\s+([^;]+);", conf, re.MULTILINE)
    assert access_logs
    for directive in access_logs:
        parts = directive.split()
        assert parts == ["off"] or (len(parts) == 2 and parts[1] in formats), f"access_log {directive}"
    # Below crit, nginx logs every failed request with the client's address and the full URL.
    assert re.findall(r"^\s*error_log\s+\S+\s+(\w+);", conf, re.MULTILINE) == ["crit"]


def test_nginx_tells_the_hall_the_visitors_address_overwriting_any_they_send(tmp_path: Path) -> None:
    conf = render_nginx_conf(REPLICAS, listen="80", root=tmp_path)
    hall = conf[conf.index("location / {") :]
    hall = hall[: hall.index("}")]
    assert re.search(r"^\s*proxy_set_header X-Real-IP \$remote_addr;", hall, re.MULTILINE)
