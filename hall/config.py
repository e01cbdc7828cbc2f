"""The hall's settings, read once from the environment: each has a name, a default and help."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
# The folder Streamlit serves, beside the entrypoint, and the URL it serves it at: fonts,
# and the git-ignored cache/ of thumbnails, name portraits, media and boundaries the hall writes there.
STATIC_DIR = REPO_ROOT / "static"
STATIC_URL = "/app/static"
_DATABASE_URL = re.compile(r"^(sqlite|postgres|postgresql)(\+\w+)?://", re.IGNORECASE)
# Sessions one process admits before new visitors get the busy page: a fifth below what one
# process held with p95 <= 1 s (250 visitors: 0.25 s; 300: 6.9 s) on a 2-core machine, as the
# measured visit skips the chart rooms (benchmarks/load.py; README, Performance).
DEFAULT_MAX_SESSIONS = 200
# A docent PIN: at least six digits (a million to search, which the store's guessing limits
# stretch past a year) or a passphrase of at least twelve characters with letters in it.
MIN_PIN_DIGITS = 6
MIN_PASSPHRASE = 12
MAX_PIN = 64  # what the PIN field takes
# A session that has run nothing for this long gives its place to a newcomer when the hall is
# full: longer than a visitor reads one page (and than a kiosk takes to reset itself), short
# enough that sessions left open, or opened to squat, do not hold the hall for long.
DEFAULT_IDLE_SESSION_SECONDS = 300
# The most of HALL_MAX_SESSIONS one client address holds: a quarter, so one address can never
# fill the hall alone. Visitors sharing one NAT address (a school, a hall's own Wi-Fi) count as
# one client: raise it where many visit from one network.
DEFAULT_CLIENT_SHARE = 0.25


class Mode(StrEnum):
    ONLINE = "online"
    KIOSK = "kiosk"
    DOCENT = "docent"
    SCREEN = "screen"  # a big screen a docent's tablet drives


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("HALL_MODE", "online", "How the hall is used: online, kiosk, docent or screen."),
    Setting(
        "HALL_DOCENT_PIN",
        "(empty)",
        "PIN that opens the docents' tour builder and presenter: at least 6 digits, or a passphrase "
        "of at least 12 characters with letters; empty (or shorter) keeps them locked.",
    ),
    Setting("HALL_PACK", "(repo root)", "Content pack folder holding exhibits/ and media/."),
    Setting("HALL_DATA", ".hall/", "Folder for generated files: caches, thumbnails, SQLite store."),
    Setting("HALL_LANG", "zh", "Interface language a new visitor starts in: zh or en."),
    Setting(
        "HALL_DATABASE_URL",
        "(SQLite file in HALL_DATA)",
        "Database for likes, the guestbook and visit figures: empty uses hall.sqlite in HALL_DATA; "
        "PostgreSQL with a URL such as postgresql+psycopg://user@host:5432/hall.",
    ),
    Setting(
        "HALL_ADMIN_PASSWORD",
        "(empty)",
        "Password that opens the curators' rooms (guestbook moderation, exports); empty keeps them locked.",
    ),
    Setting(
        "HALL_BEHIND_PROXY",
        "0",
        "1 when visitors reach the hall only through the nginx of deploy/, which sets X-Real-IP: limits "
        "then count by that address; otherwise by the connection's own.",
    ),
    Setting(
        "HALL_LIMITS",
        "on",
        "off turns off the guessing limits of the password and PIN and the hourly limits on likes, "
        "messages and requests: for load tests on one machine only, where every visitor shares one address.",
    ),
    Setting(
        "HALL_MAX_SESSIONS",
        str(DEFAULT_MAX_SESSIONS),
        "Live sessions one process admits; beyond it a new visitor gets a 'the hall is busy' page "
        "that retries by itself, while admitted visitors carry on. 0 admits everyone.",
    ),
    Setting(
        "HALL_IDLE_SESSION_SECONDS",
        str(DEFAULT_IDLE_SESSION_SECONDS),
        "Seconds a session may run nothing before, the hall being full, its place goes to a newcomer "
        "and its connection is closed (a returning browser reconnects by itself). 0 never lets one go.",
    ),
    Setting(
        "HALL_LIGHT_URLS",
        "static",
        "Where share links and QR codes send a visitor: static (a person's light page as make run serves "
        "it, /app/static/cache/light/p/<id>.html), short (/p/<id>, served by the deploy nginx) or off "
        "(the live hall's page).",
    ),
    Setting(
        "HALL_CLIENT_SHARE",
        str(DEFAULT_CLIENT_SHARE),
        "The largest share of HALL_MAX_SESSIONS one client address may hold (0.25: a quarter); "
        "1 lets one address fill the hall.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    mode: Mode
    pack: Path
    data_dir: Path
    lang: str
    max_sessions: int = DEFAULT_MAX_SESSIONS
    idle_session_seconds: int = DEFAULT_IDLE_SESSION_SECONDS
    client_share: float = DEFAULT_CLIENT_SHARE
    behind_proxy: bool = False
    limits: bool = True
    light_urls: str = "static"  # hall.publish.Style: static, short or off

    # Both may hold a password: kept out of repr() so logs never show them.
    database_url: str = field(default="", repr=False)
    admin_password: str = field(default="", repr=False)
    docent_pin: str = field(default="", repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings; a bad value falls back to its default with a logged warning."""
        env = os.environ if env is None else env
        mode_text = env.get("HALL_MODE", "online").strip().lower()
        try:
            mode = Mode(mode_text)
        except ValueError:
            log.warning("HALL_MODE=%r is not one of %s; using online", mode_text, list(Mode))
            mode = Mode.ONLINE
        lang = env.get("HALL_LANG", "zh").strip().lower()
        if lang not in ("zh", "en"):
            log.warning("HALL_LANG=%r is not zh or en; using zh", lang)
            lang = "zh"
        pack = Path(env.get("HALL_PACK") or REPO_ROOT).expanduser().resolve()
        data_dir = Path(env.get("HALL_DATA") or REPO_ROOT / ".hall").expanduser().resolve()
        database_url = env.get("HALL_DATABASE_URL", "").strip()
        if database_url and not _DATABASE_URL.match(database_url):
            # Not logged: the value may carry a password.
            log.warning("HALL_DATABASE_URL is not a sqlite or postgresql URL; using SQLite in HALL_DATA")
            database_url = ""
        admin_password = env.get("HALL_ADMIN_PASSWORD", "").strip()
        max_text = env.get("HALL_MAX_SESSIONS", "").strip()
        max_sessions = int(max_text) if max_text.isdigit() else DEFAULT_MAX_SESSIONS
        if max_text and not max_text.isdigit():
            log.warning("HALL_MAX_SESSIONS=%r is not a whole number; using %d", max_text, max_sessions)
        limits_text = env.get("HALL_LIMITS", "").strip().lower() or "on"
        limits = limits_text not in ("off", "0", "false", "no")
        if limits_text not in ("on", "1", "true", "yes", "off", "0", "false", "no"):
            log.warning("HALL_LIMITS=%r is not on or off; using on", limits_text)
        elif not limits:
            log.warning("HALL_LIMITS=off: no guessing or rate limits (for load tests, never for visitors)")
        idle_text = env.get("HALL_IDLE_SESSION_SECONDS", "").strip()
        idle_session_seconds = int(idle_text) if idle_text.isdigit() else DEFAULT_IDLE_SESSION_SECONDS
        if idle_text and not idle_text.isdigit():
            log.warning(
                "HALL_IDLE_SESSION_SECONDS=%r is not a whole number; using %d",
                idle_text,
                idle_session_seconds,
            )
        return cls(
            mode=mode,
            pack=pack,
            data_dir=data_dir,
            lang=lang,
            database_url=database_url,
            admin_password=admin_password,
            max_sessions=max_sessions,
            idle_session_seconds=idle_session_seconds,
            client_share=_share(env.get("HALL_CLIENT_SHARE", "")),
            behind_proxy=env.get("HALL_BEHIND_PROXY", "").strip().lower() in ("1", "true", "yes"),
            docent_pin=_docent_pin(env.get("HALL_DOCENT_PIN", "").strip()),
            limits=limits,
            light_urls=_light_urls(env.get("HALL_LIGHT_URLS", "")),
        )


def pin_problem(pin: str) -> str:
    """Why a docent PIN is too weak to use, or "" when it will do (or is empty: no docent rooms)."""
    if not pin:
        return ""
    if len(pin) > MAX_PIN:
        return f"longer than {MAX_PIN} characters, more than the PIN field takes"
    if pin.isascii() and pin.isdigit():
        short = len(pin) < MIN_PIN_DIGITS
        return f"{len(pin)} digits: at least {MIN_PIN_DIGITS} are needed" if short else ""
    if len(pin) < MIN_PASSPHRASE or not any(ch.isalpha() for ch in pin):
        return f"a passphrase needs at least {MIN_PASSPHRASE} characters with letters in it"
    return ""


def _docent_pin(pin: str) -> str:
    problem = pin_problem(pin)
    if problem:
        # Loud, and the rooms stay locked: a short PIN is found in minutes (README, security).
        log.error(
            "HALL_DOCENT_PIN refused (%s): the docent rooms stay locked until a valid one is set", problem
        )
        return ""
    return pin


def _share(text: str) -> float:
    """HALL_CLIENT_SHARE: a fraction above 0, at most 1."""
    text = text.strip()
    try:
        share = float(text) if text else DEFAULT_CLIENT_SHARE
    except ValueError:
        share = -1.0
    if not 0 < share <= 1:  # also refuses nan
        log.warning(
            "HALL_CLIENT_SHARE=%r is not a fraction above 0 and at most 1; using %s",
            text,
            DEFAULT_CLIENT_SHARE,
        )
        return DEFAULT_CLIENT_SHARE
    return share


LIGHT_URLS = ("static", "short", "off")


def _light_urls(text: str) -> str:
    """HALL_LIGHT_URLS: static, short or off."""
    value = text.strip().lower() or "static"
    if value not in LIGHT_URLS:
        log.warning("HALL_LIGHT_URLS=%r is not one of %s; using static", text, list(LIGHT_URLS))
        return "static"
    return value
