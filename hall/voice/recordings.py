"""A pack's own recordings for 听讲解: `media/audio/<id>.<ext>` with its transcript `<id>.txt`.

A recording is in Chinese (or a dialect); an English one is `<id>.en.<ext>` with `<id>.en.txt`.
The transcript is required — what is heard must also be readable (WCAG 1.2.1) — so a recording
without one is not played and is a pack problem, like a bad row.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from hall.pack.records import Problem

AUDIO = Path("media") / "audio"
# In order of preference when one id has several (the first is played, the others reported).
TYPES = (".mp3", ".m4a", ".ogg", ".wav")
TRANSCRIPT = ".txt"
MAX_TRANSCRIPT_BYTES = 200_000  # a few minutes of speech is a few thousand characters


@dataclass(frozen=True, slots=True)
class PackRecording:
    """A recording of the pack and the words heard in it."""

    path: Path
    transcript: str


def stem(reading_id: str, lang: str) -> str:
    """The file name without its extension: `<id>` for Chinese, `<id>.en` for English."""
    return reading_id if lang == "zh" else f"{reading_id}.{lang}"


def find(pack: Path | str, reading_id: str, lang: str) -> PackRecording | None:
    """The pack's recording of `reading_id` in `lang`, or None when there is none usable (no
    file, no transcript, an unreadable transcript: check() says which)."""
    base = Path(pack) / AUDIO
    name = stem(reading_id, lang)
    for suffix in TYPES:
        path = base / f"{name}{suffix}"
        if path.is_file():
            words, _ = _transcript(base / f"{name}{TRANSCRIPT}")
            return PackRecording(path, words) if words else None
    return None


def check(pack: Path | str, ids: Collection[str]) -> list[Problem]:
    """Every problem with the pack's recordings: a missing, empty or unreadable transcript, an
    id no person, era or tour stop has, a second recording of one id, a transcript alone."""
    base = Path(pack) / AUDIO
    if not base.is_dir():
        return []
    problems: list[Problem] = []

    def bad(path: Path, reason: str) -> None:
        problems.append(Problem(f"{AUDIO.as_posix()}/{path.name}", None, "", reason))

    played: dict[str, Path] = {}
    for path in sorted(base.iterdir(), key=lambda p: (p.stem, _rank(p))):
        if not path.is_file() or path.suffix.lower() not in TYPES:
            continue
        name = path.stem
        reading_id = name[: -len(".en")] if name.endswith(".en") else name
        if name in played:
            bad(path, f"a second recording of {name} ({played[name].name} is played); ignored")
            continue
        played[name] = path
        if reading_id not in ids:
            bad(path, f"no person, era (era-<id>) or tour stop (tour-<id>-<n>) is {reading_id!r}; not played")
            continue
        words, reason = _transcript(base / f"{name}{TRANSCRIPT}")
        if not words:
            bad(path, f"{reason}; not played (what is heard must also be readable)")
    for path in sorted(base.glob(f"*{TRANSCRIPT}")):
        if path.stem not in played:
            bad(path, "a transcript without a recording; ignored")
    return problems


def _rank(path: Path) -> int:
    suffix = path.suffix.lower()
    return TYPES.index(suffix) if suffix in TYPES else len(TYPES)


def _transcript(path: Path) -> tuple[str, str]:
    """The transcript's text, or "" and why there is none."""
    try:
        if path.stat().st_size > MAX_TRANSCRIPT_BYTES:
            return "", f"the transcript {path.name} is over {MAX_TRANSCRIPT_BYTES:,} bytes"
        words = path.read_text(encoding="utf-8-sig").strip()
    except FileNotFoundError:
        return "", f"no transcript {path.name} beside it"
    except UnicodeDecodeError as exc:
        return "", f"the transcript {path.name} is not UTF-8 text ({exc.reason} at byte {exc.start})"
    except OSError as exc:
        return "", f"the transcript {path.name} cannot be read ({exc.strerror})"
    return (words, "") if words else ("", f"the transcript {path.name} is empty")
