"""The 听讲解 control as a room test sees it: the configuration its script was given."""

from __future__ import annotations

import json
import re
from typing import Any

from streamlit.testing.v1 import AppTest

_CONFIG = re.compile(r"^\s*const cfg = (\{.*\});$", re.MULTILINE)


def listen_configs(at: AppTest) -> list[dict[str, Any]]:
    """Every read-aloud control on the page: what it reads, in which voices, from a recording or not."""
    found = []
    for element in at.get("html"):
        body = element.proto.body
        if 'class="hall-listen' in body:
            match = _CONFIG.search(body)
            assert match, "a 听讲解 control without its configuration"
            found.append(json.loads(match.group(1)))
    return found


def listen_config(at: AppTest) -> dict[str, Any]:
    """The page's one read-aloud control."""
    (config,) = listen_configs(at)
    return config


def read_aloud(config: dict[str, Any]) -> list[str]:
    return [p["text"] for p in config["passages"]]
