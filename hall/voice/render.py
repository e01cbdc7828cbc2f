"""Offline read-aloud: a Reading spoken by Debian's espeak-ng into a WAV in the data folder.

For kiosk PCs whose browser has no Chinese voice (and no internet for an online one): rendered
ahead of time by `python -m hall.voice render`, found by the page when it is there. The file
is `<HALL_DATA>/voice/<lang>/<id>-<digest of the text>.wav`, so an edited text is rendered
again and never read from a stale file.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import wave
from pathlib import Path

from hall.errors import HallError
from hall.voice.reading import Reading

ESPEAK = "espeak-ng"
VOICES = {"zh": "cmn", "en": "en"}  # espeak-ng's Mandarin (Latin letters read as English) and English
TIMEOUT_S = 120.0  # a long story is a few minutes of speech; espeak-ng speaks ~50x faster than that
FOLDER = "voice"


class VoiceUnavailable(HallError):
    """espeak-ng is missing or failed: nothing can be rendered offline."""


def wav_path(data_dir: Path | str, r: Reading) -> Path:
    return Path(data_dir) / FOLDER / r.lang / f"{r.id}-{r.digest}.wav"


def cached(data_dir: Path | str, r: Reading) -> Path | None:
    """The rendering of exactly this text, when it was made ahead of time."""
    path = wav_path(data_dir, r)
    return path if path.is_file() else None


def espeak() -> str:
    """The espeak-ng program on PATH.

    Raises:
        VoiceUnavailable: it is not installed.
    """
    found = shutil.which(ESPEAK)
    if not found:
        raise VoiceUnavailable(
            f"{ESPEAK} was not found on PATH: install it (Debian: apt-get install espeak-ng) to render "
            "read-aloud audio offline"
        )
    return found


def speak(text: str, lang: str, program: str | None = None) -> bytes:
    """`text` spoken by espeak-ng in `lang`'s voice, as WAV bytes.

    The text goes in on stdin (never on the command line, where it could read as an option);
    no shell is involved.

    Raises:
        VoiceUnavailable: espeak-ng is missing, failed or took longer than TIMEOUT_S.
    """
    command = [program or espeak(), "-v", VOICES[lang], "--stdin", "--stdout"]
    try:
        done = subprocess.run(
            command, input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise VoiceUnavailable(f"{ESPEAK} took longer than {TIMEOUT_S:.0f} s") from exc
    except OSError as exc:
        raise VoiceUnavailable(f"{ESPEAK} could not be started: {exc.strerror}") from exc
    if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
        error = done.stderr.decode("utf-8", "replace").strip()[:300]
        raise VoiceUnavailable(f"{ESPEAK} failed (exit {done.returncode}): {error or 'no sound written'}")
    return done.stdout


def render(data_dir: Path | str, r: Reading, program: str | None = None) -> Path:
    """Speak every passage in its own voice, one WAV after another; write it atomically and drop
    renderings of the same id made from an older text.

    Raises:
        VoiceUnavailable: espeak-ng is missing or failed.
    """
    program = program or espeak()
    target = wav_path(data_dir, r)
    frames: list[bytes] = []
    shape: tuple[int, int, int] | None = None  # channels, bytes a sample, samples a second
    for passage in r.passages:
        with wave.open(io.BytesIO(_fix_sizes(speak(passage.text, passage.lang, program)))) as part:
            here = (part.getnchannels(), part.getsampwidth(), part.getframerate())
            if shape is not None and here != shape:
                raise VoiceUnavailable(f"{ESPEAK} wrote {here} after {shape}: the voices cannot be joined")
            shape = here
            frames.append(part.readframes(part.getnframes()))
    channels, width, rate = shape or (1, 2, 22050)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        for chunk in frames:
            out.writeframes(chunk)
    os.replace(tmp, target)
    stale = re.compile(rf"{re.escape(r.id)}-[0-9a-f]{{16}}\.wav")
    for old in target.parent.glob(f"{r.id}-*.wav"):
        if old != target and stale.fullmatch(old.name):
            old.unlink(missing_ok=True)
    return target


def _fix_sizes(data: bytes) -> bytes:
    # Written to a pipe, espeak-ng cannot seek back to fill in the RIFF and data sizes (it
    # leaves 0x7fffffff or 0): set them from what actually arrived.
    if len(data) < 44 or data[:4] != b"RIFF":
        return data
    fixed = bytearray(data)
    fixed[4:8] = (len(data) - 8).to_bytes(4, "little")
    at = data.find(b"data", 12)
    if at >= 0:
        fixed[at + 4 : at + 8] = (len(data) - at - 8).to_bytes(4, "little")
    return bytes(fixed)
