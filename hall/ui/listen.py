"""听讲解 — the read-aloud control on a person's page, an era's opening panel and a tour stop.

In order of preference it plays the pack's recording (shown with its transcript), reads the
text on screen with the device's own voice (phones have good zh-CN voices), or, on a kiosk PC
without a voice for the language, plays the audio espeak-ng rendered ahead of time
(`python -m hall.voice render`). The browser decides between the last two, at the tap.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import streamlit as st

from hall.labels import t
from hall.packmedia import serve
from hall.ui.data import settings
from hall.ui.text import plain
from hall.ui.widgets import kiosk
from hall.voice import recordings
from hall.voice.reading import Reading
from hall.voice.render import cached

_JS = (Path(__file__).with_name("listen.js")).read_text(encoding="utf-8")
# Kept free of "<" so DOMPurify never drops the block. A target of 44 px online, 60 px on a kiosk
# (kiosk.css makes every button 64 px there); the focus ring is the hall's red, 5.9:1 on white.
_CSS = """
.hall-listen { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 44px; min-width: 44px;
  padding: 0.4rem 1rem; border: 2px solid #c8102e; border-radius: 0.5rem; background: #fff;
  color: #31333f; font: inherit; font-weight: 600; cursor: pointer; }
.hall-listen::before { content: ""; border-style: solid; border-width: 0.45em 0 0.45em 0.75em;
  border-color: transparent transparent transparent #c8102e; }
.hall-listen[data-on]::before { border-width: 0.4em; border-color: #c8102e; }
.hall-listen:hover { background: #fdf1f3; }
.hall-listen:focus-visible { outline: 3px solid #c8102e; outline-offset: 2px; }
.hall-listen.kiosk { min-height: 60px; min-width: 60px; }
.hall-listen-status { margin-left: 0.75rem; }
"""


def listen(reading: Reading, what: str) -> None:
    """The 听讲解 control for `reading`; `what` names what it reads (the button's accessible name).

    The text read is on the page already (the person's honours and deeds, the era's intro, the
    stop's points); a recording brings its own transcript, shown here.
    """
    if not reading.passages:
        return
    found = recordings.find(settings().pack, reading.id, reading.lang)
    url = serve(found.path) if found else ""
    key = "listen_" + re.sub(r"[^a-zA-Z0-9_-]", "-", reading.id)
    lang = reading.lang
    with st.container(key=key):
        config = {
            "box": f"st-key-{key}",
            "offline": f"st-key-{key}_offline",
            "what": what,
            "lang": lang,
            "passages": [{"lang": p.lang, "text": p.text} for p in reading.passages],
            "recording": bool(url),
            "labels": {
                "listen": t("listen", lang),
                "stop": t("listen_stop", lang),
                "listen_named": t("listen_named", lang, action=t("listen", lang), what=what),
                "stop_named": t("listen_named", lang, action=t("listen_stop", lang), what=what),
                "playing": t("listen_playing", lang),
                "none": t("listen_no_voice", lang),
            },
        }
        # "<" escaped: no text of the pack can close the script element; the text is data, never HTML.
        cfg = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
        size = " kiosk" if kiosk() else ""
        st.html(
            # The offline rendering stays out of sight until the device turns out to have no voice.
            f"<style>{_CSS}.st-key-{key}_offline:not([data-hall-shown]) {{ display: none; }}</style>"
            # Our own label (escaped all the same); the script names the button after what it reads.
            f'<button type="button" class="hall-listen{size}">{html.escape(t("listen", lang))}</button>'
            '<span class="hall-listen-status" role="status" aria-live="polite"></span>'
            f"<script>{_JS.replace('CFG', cfg)}</script>",
            unsafe_allow_javascript=True,
        )
        if url and found:
            st.audio(url)
            with st.expander(t("listen_transcript", lang), expanded=not kiosk()):
                st.markdown(plain(found.transcript))
            return
        rendered = cached(settings().data_dir, reading)
        if rendered:  # shown by the control only when the device has no voice of its own
            with st.container(key=f"{key}_offline"):
                st.caption(t("listen_offline", lang))
                st.audio(str(rendered), format="audio/wav")
