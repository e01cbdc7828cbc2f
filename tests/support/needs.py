"""What a test does when a system part it needs (chromium, postgresql, nginx) is not there."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing(what: str, reason: str) -> NoReturn:
    """Skip loudly; under CI a missing part is a failure, never a silent skip."""
    message = f"{what} NOT RUN: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
