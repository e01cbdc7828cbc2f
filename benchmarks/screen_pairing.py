"""Drive a big screen from a docent's tablet in real Chromium and time each stop change.

The docent's tablet and the screen are two `streamlit run` processes sharing one store, as
in the hall. For each tap on 下一站 (上一站 at the end of the tour) it prints the time until
the tablet itself shows the new stop (the baseline: one Streamlit rerun) and until the screen
shows it (goal ≤ 1.5 s).

    .venv/bin/python benchmarks/screen_pairing.py [--taps 6]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.browser import READY_SELECTOR, launch_chromium, start_server  # noqa: E402

PIN = "246813"


def pair(tablet, screen) -> None:
    screen.goto("/attract")
    screen.wait_for_selector(".st-key-pairing_code h1", timeout=60_000)
    code = screen.locator(".st-key-pairing_code h1").inner_text().strip()
    tablet.goto("/present")
    tablet.wait_for_selector(READY_SELECTOR, timeout=60_000)
    tablet.locator(".st-key-pin input").fill(PIN)
    tablet.locator(".st-key-pin input").press("Enter")
    tablet.locator(".st-key-pair_code input").wait_for(timeout=30_000)
    tablet.locator(".st-key-pair_code input").fill(code)
    tablet.locator(".st-key-pair_code input").press("Enter")
    tablet.locator(".st-key-end_tour").wait_for(timeout=30_000)


def stop_title(tablet) -> str:
    return tablet.locator(".st-key-stop_card h2").first.inner_text().strip()


def measure(taps: int) -> list[tuple[float, float, str]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="hall-pairing-") as tmp, contextlib.ExitStack() as servers:
        data, logs = Path(tmp) / "data", Path(tmp) / "logs"
        docent = start_server("docent", data, logs, {"HALL_DOCENT_PIN": PIN})
        servers.callback(docent.stop)  # stopped even if the second server fails to start
        screen_server = start_server("screen", data, logs)
        servers.callback(screen_server.stop)
        with sync_playwright() as p:
            browser = launch_chromium(p)
            tablet = browser.new_context(
                viewport={"width": 1180, "height": 820}, base_url=docent.url
            ).new_page()
            screen = browser.new_context(
                viewport={"width": 1920, "height": 1080}, base_url=screen_server.url
            ).new_page()
            pair(tablet, screen)
            screen.wait_for_url("**/craftsmen**", timeout=30_000)  # the tour's first stop
            for _ in range(taps):
                before_tablet, before_screen = stop_title(tablet), screen.url
                start = time.perf_counter()
                forward = tablet.locator(".st-key-next_stop button")
                (forward if forward.is_enabled() else tablet.locator(".st-key-prev_stop button")).click()
                tablet.wait_for_function(
                    "([t]) => { const h = document.querySelector('.st-key-stop_card h2');"
                    " return h && h.innerText.trim() !== t; }",
                    arg=[before_tablet],
                    timeout=30_000,
                )
                tablet_s = time.perf_counter() - start
                screen.wait_for_url(lambda url, b=before_screen: url != b, timeout=30_000)
                screen.wait_for_selector(READY_SELECTOR, timeout=30_000)
                rows.append((tablet_s, time.perf_counter() - start, screen.url.split("/")[-1]))
            browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--taps", type=int, default=4)
    args = parser.parse_args()
    rows = measure(args.taps)
    print("| tap | tablet shows the stop (baseline), s | screen shows it, s | screen page |")
    print("|---:|---:|---:|---|")
    for n, (tablet_s, screen_s, page) in enumerate(rows, start=1):
        print(f"| {n} | {tablet_s:.2f} | {screen_s:.2f} | {page} |")
    print(
        f"\nmedian: tablet {statistics.median(r[0] for r in rows):.2f} s, "
        f"screen {statistics.median(r[1] for r in rows):.2f} s (goal ≤ 1.5 s; the screen polls every 0.5 s)"
    )


if __name__ == "__main__":
    main()
