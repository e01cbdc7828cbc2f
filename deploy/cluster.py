"""The nginx configuration of a scale-out, rendered from deploy/nginx.conf, and its command line.

    .venv/bin/python -m deploy.cluster render --listen 80 --replica 10.0.0.11:8501 \\
        --replica 10.0.0.12:8501 --root /var/lib/hall-nginx > /etc/nginx/nginx.conf

The processes of a scale-out on one machine (replicas, nginx in the foreground), which the
scale demo, the load generator and the cross-replica tests start, are in tests/support/servers.py.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from hall.publish.urls import ASSETS, MIRROR, PAGE_PREFIXES

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "deploy" / "nginx.conf"
STATIC = REPO / "static"

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def render_nginx_conf(
    replicas: Sequence[str],
    *,
    listen: str,
    root: Path,
    static_dir: Path = STATIC,
    light_dir: Path = MIRROR,
    max_conns: int = 0,
    upstream_header: bool = False,
    user: str = "www-data",
    template: Path = TEMPLATE,
) -> str:
    """The nginx configuration from the template, for `replicas` ("host:port" each).

    `light_dir` is the light pages' mirror (hall.publish), served at /p/<id> and the like.
    `root` holds nginx's pid file, temp folders and logs; `user` runs the workers (when
    nginx starts as root). `max_conns` caps the websocket
    connections nginx passes to each replica (0: no cap); beyond it a visitor gets the
    busy page from deploy/busy.html. `upstream_header` adds an X-Hall-Upstream response
    header naming the replica (for tests and the demo; it discloses internal addresses).

    Raises:
        ValueError: no replicas, or a placeholder in the template has no value.
    """
    if not replicas:
        raise ValueError("at least one replica is needed")
    limit = f"max_conns={max_conns}" if max_conns > 0 else ""
    values = {
        "user": user,
        "listen": listen,
        "root": str(root),
        "static_dir": str(static_dir).rstrip("/"),
        "busy_dir": str(REPO / "deploy"),
        "light_dir": str(light_dir).rstrip("/"),
        "light_prefixes": "|".join(PAGE_PREFIXES),
        "light_assets": ASSETS,
        "mime_types": "/etc/nginx/mime.types" if Path("/etc/nginx/mime.types").exists() else "mime.types",
        "servers": "\n".join(f"        server {r} {limit} max_fails=3 fail_timeout=10s;" for r in replicas),
        "upstream_header": (
            "add_header X-Hall-Upstream $upstream_addr always;"
            if upstream_header
            else "# (no upstream header)"
        ),
    }

    def fill(match: re.Match[str]) -> str:
        try:
            return values[match.group(1)]
        except KeyError:
            raise ValueError(f"{template}: no value for {{{{{match.group(1)}}}}}") from None

    return _PLACEHOLDER.sub(fill, template.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    render = sub.add_parser("render", help="print nginx.conf for the given replicas")
    render.add_argument("--listen", default="80", help="nginx listen address (default 80)")
    render.add_argument("--replica", action="append", required=True, help="host:port of a replica (repeat)")
    render.add_argument(
        "--root", type=Path, default=Path("/var/lib/hall-nginx"), help="pid, temp, log folder"
    )
    render.add_argument("--static", type=Path, default=STATIC, help="the hall's static/ folder on this host")
    render.add_argument(
        "--light", type=Path, default=MIRROR, help="the light pages' folder (python -m hall.publish --out)"
    )
    render.add_argument("--max-conns", type=int, default=0, help="websocket cap per replica (0: none)")
    args = parser.parse_args(argv)
    sys.stdout.write(
        render_nginx_conf(
            args.replica,
            listen=args.listen,
            root=args.root,
            static_dir=args.static,
            light_dir=args.light,
            max_conns=args.max_conns,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
