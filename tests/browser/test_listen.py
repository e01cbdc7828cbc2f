"""听讲解 in Chromium: a tap reads the page's own text with the device's voice, by keyboard too;
leaving the page stops it; a kiosk without a voice plays the audio rendered offline; and a
kiosk does not reset itself while it reads aloud.

The browser's speech synthesis is replaced by a recorder (headless Chromium has no voices, and
a test must hear what would be said): `window.__spoken` holds every utterance spoken."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import assert_offline, shot, wait_ready
from tests.support.needs import missing
from tests.support.packs import REPO

PERSON = "r001"  # 丁卫松: real, with honours and two paragraphs of deeds
BRIEF = ("r004", "范祥波")  # real, with one line of deeds: little reading time added to the countdown
IDLE_S, WARN_S = 15, 5  # long enough that a slow first load under CI load is not "idle"
SPEECH = """(voices) => {
  window.__spoken = []; window.__cancels = 0;
  const synth = { speaking: false, pending: false, paused: false,
    getVoices() { return voices.map((lang) => ({ lang, name: `stub ${lang}`, voiceURI: lang,
      localService: true, default: false })); },
    speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); this.speaking = true; },
    cancel() { this.speaking = false; window.__cancels += 1; },
    pause() {}, resume() {}, addEventListener() {}, removeEventListener() {} };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ""; } };
}"""


def _with_voices(page, voices: list[str]) -> None:
    """Every document the page opens gets the recorder, with voices for these languages."""
    page.add_init_script(f"({SPEECH})({json.dumps(voices)})")


def _tap(page, locator) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _countdown(page) -> int:
    """Seconds without a touch before the kiosk resets this page (a long text adds some)."""
    extra = page.evaluate(
        "Math.max(0, ...[...document.querySelectorAll('[data-hall-extra]')].map((e) => +e.dataset.hallExtra))"
    )
    return IDLE_S + int(extra) + WARN_S


def _main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


@pytest.fixture(scope="module")
def kiosk_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default pack's records with an idle time short enough to wait out."""
    root = tmp_path_factory.mktemp("listen-kiosk")
    shutil.copytree(REPO / "exhibits", root / "exhibits")
    hall_yaml = root / "exhibits" / "hall.yaml"
    doc = yaml.safe_load(hall_yaml.read_text(encoding="utf-8"))
    doc["kiosk"] = {"idle_seconds": IDLE_S, "warning_seconds": WARN_S}
    hall_yaml.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return root


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["pc", "phone"])
def test_a_tap_on_listen_reads_the_persons_page_aloud_and_leaving_stops_it(
    online_server, new_page, viewport
) -> None:
    page = new_page(online_server.url, viewport)
    _with_voices(page, ["en-US", "zh-CN"])
    page.goto(f"/honoree?id={PERSON}")
    wait_ready(page)
    button = page.get_by_role("button", name="听讲解：丁卫松")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["height"] >= 44
    assert box["width"] >= 44
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__spoken") == []  # nothing plays before a tap

    _tap(page, button)
    page.wait_for_function("window.__spoken.length > 0")
    spoken = page.evaluate("window.__spoken")
    assert {u["lang"] for u in spoken} == {"zh-CN"}
    text = "".join(u["text"] for u in spoken)
    assert text.startswith("丁卫松")
    on_screen = _main_text(page).replace("\n", "")
    for utterance in spoken:  # every word read is on the page
        for clause in utterance["text"].replace("，", "。").split("。"):
            assert clause.strip() in on_screen, clause
    deeds = page.locator('[data-testid="stMarkdownContainer"] p', has_text="7000余名师生").first.inner_text()
    assert deeds in text  # the deeds, whole
    assert page.get_by_role("button", name="停止讲解：丁卫松").is_visible()
    assert page.get_by_role("status").first.inner_text() == "正在朗读"
    shot(page, f"listen-speaking-{viewport[0]}")

    cancels = page.evaluate("window.__cancels")
    # Leaving through Streamlit's own navigation (no unload): an honour's link to its era.
    _tap(page, page.locator('[data-testid="stPageLink"] a', has_text="中国特色社会主义新时代").first)
    page.wait_for_url("**/new-era")
    wait_ready(page)
    assert page.evaluate("window.__cancels") > cancels
    assert page.evaluate("window.speechSynthesis.speaking") is False
    assert_offline(page)


def test_listen_works_by_keyboard_and_reads_an_english_page_in_english(online_server, new_page) -> None:
    page = new_page(online_server.url, (1280, 800), locale="en-GB")
    _with_voices(page, ["en-GB", "zh-CN"])
    page.goto(f"/honoree?id={PERSON}&lang=en")
    wait_ready(page)
    button = page.get_by_role("button", name="Listen: 丁卫松")
    button.focus()
    assert page.evaluate("document.activeElement.className").startswith("hall-listen")
    page.keyboard.press("Enter")
    page.wait_for_function("window.__spoken.length > 0")
    spoken = page.evaluate("window.__spoken")
    assert spoken[0] == {"text": "Ding Weisong", "lang": "en-GB"}
    assert {u["lang"] for u in spoken} == {"en-GB", "zh-CN"}  # the deeds exist in Chinese only
    page.keyboard.press("Space")  # the same key stops it
    page.wait_for_function("!window.speechSynthesis.speaking")
    assert button.inner_text() == "Listen"


def test_a_device_without_a_chinese_voice_says_so_when_nothing_was_rendered(online_server, new_page) -> None:
    page = new_page(online_server.url, (1280, 800))
    _with_voices(page, ["en-US"])
    page.goto(f"/honoree?id={PERSON}")
    wait_ready(page)
    _tap(page, page.get_by_role("button", name="听讲解：丁卫松"))
    status = page.get_by_role("status").first
    status.wait_for()
    page.wait_for_function("document.querySelector('.hall-listen-status').textContent.length > 0")
    assert "没有中文语音" in status.inner_text()
    assert page.evaluate("window.__spoken") == []  # Chinese is never read with an English voice


@pytest.fixture(scope="module")
def rendered_data(tmp_path_factory: pytest.TempPathFactory, kiosk_pack: Path) -> Path:
    """A kiosk's data folder after `python -m hall.voice render --ids r001`."""
    if not shutil.which("espeak-ng"):
        missing("OFFLINE READ-ALOUD", "espeak-ng is not installed (apt-get install espeak-ng sox)")
    data = tmp_path_factory.mktemp("listen-data")
    done = subprocess.run(
        [sys.executable, "-m", "hall.voice", "render", "--pack", str(kiosk_pack), "--ids", PERSON],
        env={"PATH": "/usr/bin:/bin", "HALL_DATA": str(data)},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 rendered, 0 already there, 0 failed"), done.stdout
    return data


def test_a_kiosk_without_a_voice_plays_the_offline_rendering_and_stays_while_it_plays(
    hall_server, new_page, kiosk_pack, rendered_data
) -> None:
    server = hall_server("kiosk", env={"HALL_PACK": str(kiosk_pack), "HALL_DATA": str(rendered_data)})
    page = new_page(server.url, (1920, 1080))
    _with_voices(page, [])
    page.goto(f"/honoree?id={PERSON}")
    wait_ready(page)
    offline = page.locator('[class*="st-key-listen_r001_offline"]')
    assert not offline.is_visible()  # until the device turns out to have no voice
    button = page.get_by_role("button", name="听讲解：丁卫松")
    assert button.bounding_box()["height"] >= 60
    _tap(page, button)
    offline.wait_for(state="visible")
    audio = offline.locator("audio")
    page.wait_for_function("(a) => !a.paused && a.currentTime > 0", arg=audio.element_handle())
    countdown = _countdown(page)
    assert audio.evaluate("(a) => a.duration") > countdown + 5  # long enough to outlast it
    shot(page, "listen-kiosk-offline")
    page.wait_for_timeout((countdown + 3) * 1000)  # no touch, but it is playing
    assert "/honoree" in page.url
    assert page.locator("#hall-still-there").count() == 0
    assert_offline(page)


def test_a_kiosk_does_not_reset_while_it_reads_aloud_and_does_once_it_stops(
    hall_server, new_page, kiosk_pack
) -> None:
    server = hall_server("kiosk", env={"HALL_PACK": str(kiosk_pack)})
    page = new_page(server.url, (1080, 1920))
    _with_voices(page, ["zh-CN"])
    page.goto(f"/honoree?id={BRIEF[0]}")
    wait_ready(page)
    _tap(page, page.get_by_role("button", name=f"听讲解：{BRIEF[1]}"))
    page.wait_for_function("window.speechSynthesis.speaking")
    countdown = _countdown(page)
    page.wait_for_timeout((countdown + 3) * 1000)  # no touch while it speaks
    assert "/honoree" in page.url
    assert page.locator("#hall-still-there").count() == 0
    page.evaluate("window.speechSynthesis.speaking = false")  # the reading ends
    page.locator("#hall-still-there").wait_for(timeout=(countdown + 3) * 1000)
    page.wait_for_url("**/attract", timeout=(WARN_S + 5) * 1000)


@pytest.fixture(scope="module")
def recorded_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default pack's records with a recording of r001: a generated tone, never a voice."""
    import math
    import wave

    root = tmp_path_factory.mktemp("listen-recorded")
    shutil.copytree(REPO / "exhibits", root / "exhibits")
    audio = root / "media" / "audio"
    audio.mkdir(parents=True)
    rate = 8000
    with wave.open(str(audio / f"{PERSON}.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        tone = (int(3000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(rate * 20))
        w.writeframes(b"".join(x.to_bytes(2, "little", signed=True) for x in tone))
    (audio / f"{PERSON}.txt").write_text("（测试用的音调，不是人声。）", encoding="utf-8")
    return root


def test_a_pack_recording_plays_instead_of_the_voice_with_its_transcript(
    hall_server, new_page, recorded_pack
) -> None:
    server = hall_server("online", env={"HALL_PACK": str(recorded_pack)})
    page = new_page(server.url, (1280, 800))
    _with_voices(page, ["zh-CN"])
    page.goto(f"/honoree?id={PERSON}")
    wait_ready(page)
    assert "（测试用的音调，不是人声。）" in _main_text(page)  # the transcript, on screen
    _tap(page, page.get_by_role("button", name="听讲解：丁卫松"))
    audio = page.locator(".st-key-listen_r001 audio")
    page.wait_for_function("(a) => !a.paused && a.currentTime > 0", arg=audio.element_handle())
    assert page.evaluate("window.__spoken") == []  # the recording, not the device's voice
    _tap(page, page.get_by_role("button", name="停止讲解：丁卫松"))
    page.wait_for_function("(a) => a.paused", arg=audio.element_handle())
    assert page.locator("audio").count() == 1  # played at the top, not again further down
    assert_offline(page)
