"""人物 — a person's page: deep links, facts, likes, the guestbook, requests, the life line."""

from __future__ import annotations

import pytest

from hall.labels import t
from hall.pack import Catalog
from hall.rooms import era_room, room
from hall.store import RATE_LIMITS, Action
from tests.support.apptest import (
    HOSTILE,
    act,
    honoree_page,
    plotly_spec,
    post_message,
    queue_editor,
    queue_ids,
    says,
    sign_in_curator,
    texts,
    tick,
)


def test_honoree_deep_link_shows_that_person(open_room, cat) -> None:
    h = next(x for x in cat.honorees if len(x.honours) >= 2 and x.deeds)
    at = open_room("honoree", id=h.id)
    page = texts(at)
    assert at.title[0].value == h.name
    for honour in h.honours:
        assert cat.honour_name(honour.code) in page
        assert (str(honour.year) if honour.year else t("year_unknown")) in page
    assert h.paragraphs[0][:10] in page.replace("\\", "")
    assert at.query_params["id"] == h.id


@pytest.mark.parametrize("published", [True, False], ids=["light page published", "not yet"])
def test_the_share_link_leads_to_the_light_page_once_published(
    open_room, cat, tmp_path, monkeypatch, published: bool
) -> None:
    h = cat.honorees[0]
    if published:
        (tmp_path / "p").mkdir()
        (tmp_path / "p" / f"{h.id}.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    monkeypatch.setattr("hall.ui.kiosk.MIRROR", tmp_path)  # where python -m hall.publish writes
    page = texts(open_room("honoree", id=h.id))
    expected = f"/app/static/cache/light/p/{h.id}.html" if published else f"/honoree?id={h.id}"
    assert expected in page


def test_honoree_deep_link_survives_a_rerun(open_room, cat) -> None:
    h = cat.honorees[3]
    at = open_room("honoree", id=h.id)
    at.run()
    assert at.title[0].value == h.name


def test_real_person_shows_source_and_no_sample_badge(open_room, cat) -> None:
    real = next(h for h in cat.honorees if not h.sample)
    at = open_room("honoree", id=real.id)
    page = texts(at).replace("\\", "")
    assert real.source[:12] in page
    hall_header = f"**{cat.info.name.zh}**"  # the frame's header carries the hall's sample badge
    persons = [m.value for m in at.markdown if not m.value.startswith(hall_header)]
    assert persons, "the person's facts are Markdown: none found"
    assert not [m for m in persons if "badge[" in m]
    sample = next(h for h in cat.honorees if h.sample)
    sampled = open_room("honoree", id=sample.id)
    assert [m.value for m in sampled.markdown if not m.value.startswith(hall_header) and "badge[" in m.value]


def test_honoree_room_without_id_asks_to_choose(open_room) -> None:
    at = open_room("honoree")
    assert at.info[0].value == t("honoree_pick")


def test_english_names_show_pinyin_beside_them(open_room, cat) -> None:
    h = cat.honorees[0]
    at = open_room("honoree", id=h.id, lang="en")
    assert at.title[0].value.replace("\\", "") == f"{h.name} {h.name_en}"


def test_like_counts_once_per_session(open_room, cat, store) -> None:
    h, at = honoree_page(open_room, cat)
    assert at.button(key="like").label == t("like", n=0)
    at = at.button(key="like").click().run()
    assert at.button(key="like").label == t("liked", n=1)
    assert store.likes(h.id) == 1
    at = at.button(key="like").click().run()  # pressed again: taken back, never a dead button
    assert at.button(key="like").label == t("like", n=0)
    assert store.likes(h.id) == 0
    at = at.button(key="like").click().run()
    _, other = honoree_page(open_room, cat)  # another visitor
    assert other.button(key="like").label == t("like", n=1)


def test_new_message_is_shown_to_its_author_as_pending_and_to_no_one_else(open_room, cat, store) -> None:
    h, at = honoree_page(open_room, cat)
    at = post_message(at, f"guestbook_{h.id}", HOSTILE, "小王")
    assert t("guestbook_thanks") in texts(at)
    assert HOSTILE in [x.value for x in at.text]  # shown as typed, as plain text
    assert t("guestbook_pending") in texts(at).replace("\\", "")
    _, other = honoree_page(open_room, cat)
    assert HOSTILE not in [x.value for x in other.text]
    (pending,) = store.pending()
    store.moderate([pending.id], approve=True)
    _, later = honoree_page(open_room, cat)
    assert HOSTILE in [x.value for x in later.text]
    # Never as Markdown that runs: no element renders it as markup.
    assert all(HOSTILE not in m.value for m in later.markdown)


def test_refused_message_says_why(open_room, cat) -> None:
    at = open_room()
    at = post_message(at, "guestbook_hall", "   ")
    assert t("guestbook_refused_empty") in texts(at)
    for n in range(3):
        at = post_message(at, "guestbook_hall", f"致敬劳模 {n}")
    at = post_message(at, "guestbook_hall", "再来一条")
    assert t("guestbook_refused_rate_limited", limit=3, minutes=10) in texts(at)


def test_a_family_request_reaches_the_curators_and_closing_it_forgets_the_contact(
    open_room, cat, store, monkeypatch
) -> None:
    h, at = honoree_page(open_room, cat)
    at.text_area(key="request_details").input("照片请撤回。")
    at.text_input(key="request_contact").input("13900000000")
    at.radio(key="request_kind").set_value("withdrawal")
    at = at.button(key=f"FormSubmitter:request_{h.id}-{t('request_send')}").click().run()
    assert t("request_thanks", n=1) in texts(at)
    (request,) = store.change_requests()
    assert (request.honoree_id, request.kind, request.contact) == (h.id, "withdrawal", "13900000000")
    admin = sign_in_curator(open_room, monkeypatch)
    assert queue_ids(admin, "requests") == [request.id]
    assert "照片请撤回。" in list(queue_editor(admin, "requests").value[t("request_details")])
    admin = act(tick(admin, "requests", [0]), "request_close", "requests")
    assert store.change_requests() == []
    (closed,) = store.change_requests(open_only=False)
    assert closed.contact == ""


def test_honoree_page_draws_a_life_line_from_the_record(open_room, cat: Catalog) -> None:
    h = next(x for x in cat.honorees if x.birth_year and len([y for y in x.honours if y.year]) >= 2)
    at = open_room("honoree", id=h.id)
    page = texts(at)
    assert t("life_line") in page
    line = plotly_spec(at)["data"][0]
    dated = [x for x in h.honours if x.year]
    assert line["x"] == [h.birth_year, *(x.year for x in dated)]
    for x, hover in zip(dated, line["hovertext"][1:], strict=True):
        assert cat.honour_name(x.code) in hover
        assert t(room(era_room(x.era)).label) in hover  # the era's short name: its room's
    if h.position:
        assert h.position in page.replace("\\", "")


def test_life_line_leaves_undated_honours_off_the_line_and_says_so(open_room, cat: Catalog) -> None:
    h = next(x for x in cat.honorees if any(y.year is None for y in x.honours))
    at = open_room("honoree", id=h.id)
    undated = sum(1 for y in h.honours if y.year is None)
    assert t("life_undated", n=undated) in texts(at).replace("\\", "")


def test_a_persons_film_and_recorded_words_are_shown_with_captions_and_transcript(
    open_room, cat, pack_env, monkeypatch
) -> None:
    import wave

    h = cat.honorees[2]
    audio, video = pack_env / "media" / "audio", pack_env / "media" / "video"
    audio.mkdir(parents=True, exist_ok=True)
    video.mkdir(parents=True, exist_ok=True)
    try:
        with wave.open(str(audio / f"{h.id}.wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(8000)
            w.writeframes(b"\x00\x00" * 800)
        (audio / f"{h.id}.txt").write_text("干一行，爱一行。", encoding="utf-8")
        (video / f"{h.id}.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
        (video / f"{h.id}.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n", encoding="utf-8")
        at = open_room("honoree", id=h.id)
        assert not at.exception
        (sound,) = at.get("audio")
        (film,) = at.get("video")
        assert sound.proto.url.startswith("/app/static/cache/media/")
        assert film.proto.url.startswith("/app/static/cache/media/")
        assert film.proto.subtitles  # the captions travel with the film
        assert "干一行，爱一行。" in texts(at)
        others = open_room("honoree", id=cat.honorees[3].id)
        assert not others.get("audio")
        assert not others.get("video")
    finally:
        for path in (*audio.glob(f"{h.id}.*"), *video.glob(f"{h.id}.*")):
            path.unlink()


# -------------------------------------------------- one client, many sessions (issue 14, finding 8)


def test_new_sessions_cannot_pile_salutes_on_one_person(open_room, cat, store) -> None:
    """One client opened a new session for each like: 60 likes to one person in 12 s."""
    h = cat.honorees[0]
    per_person = RATE_LIMITS[Action.LIKE].per_client_subject
    for _ in range(per_person + 2):
        at = open_room("honoree", id=h.id)  # a new session each time, from the same address
        at = at.button(key="like").click().run()
    assert store.likes(h.id) == per_person
    assert says(at, "limit_person_like")
    assert not at.button(key="like").disabled  # not saluted: the visitor may come back later


def test_new_sessions_cannot_flood_the_guestbook(open_room, cat, store) -> None:
    """180 pending messages from one client in 12 s, a new session for every three."""
    h = cat.honorees[1]
    per_client = RATE_LIMITS[Action.MESSAGE].per_client
    for n in range(per_client + 1):
        at = post_message(open_room("honoree", id=h.id), f"guestbook_{h.id}", f"向劳模致敬 {n}")
    assert store.pending_count() == per_client
    assert says(at, "limit_client_message")


def test_new_sessions_cannot_flood_the_requests(open_room, cat, store) -> None:
    """600 correction requests from one client in 12 s: they had no limit at all."""
    h = cat.honorees[2]
    per_client = RATE_LIMITS[Action.REQUEST].per_client
    for n in range(per_client + 1):
        at = open_room("honoree", id=h.id)
        at.text_area(key="request_details").input(f"出生年份有误 {n}")
        at = at.button(key=f"FormSubmitter:request_{h.id}-{t('request_send')}").click().run()
    assert len(store.change_requests()) == per_client
    assert says(at, "limit_client_request")


# -------------------------------------------------- 听讲解 read-aloud (issue 17)


def _tone(path) -> None:
    import wave

    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:  # silence standing in for a recording, never a voice
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 800)


def test_listen_reads_the_persons_text_as_shown_when_the_pack_has_no_recording(open_room, cat) -> None:
    from hall.voice import reading as voice
    from tests.support.listening import listen_config, read_aloud

    h = next(x for x in cat.honorees if len(x.honours) >= 2 and len(x.paragraphs) >= 2)
    at = open_room("honoree", id=h.id)
    config = listen_config(at)
    assert config["recording"] is False
    assert config["what"] == h.name
    assert (config["lang"], config["labels"]["listen"]) == ("zh", "听讲解")
    assert read_aloud(config) == [p.text for p in voice.person(h, cat, "zh").passages]
    page = texts(at).replace("\\", "")
    for paragraph in h.paragraphs:  # the text read is on screen
        assert paragraph in page
    assert not at.get("audio")  # nothing to play but the device's own voice


def test_listen_on_an_english_page_reads_english(open_room, cat) -> None:
    from tests.support.listening import listen_config

    h = next(x for x in cat.honorees if x.honours and x.paragraphs)
    config = listen_config(open_room("honoree", id=h.id, lang="en"))
    assert (config["lang"], config["labels"]["listen"]) == ("en", "Listen")
    assert config["passages"][0] == {"lang": "en", "text": h.name_en}
    assert config["passages"][-1] == {"lang": "zh", "text": h.paragraphs[-1]}  # deeds exist in Chinese


def test_a_pack_recording_wins_over_synthesis_and_its_transcript_is_shown(open_room, cat, pack_env) -> None:
    from tests.support.listening import listen_config

    h = cat.honorees[4]
    audio = pack_env / "media" / "audio"
    try:
        _tone(audio / f"{h.id}.ogg")
        (audio / f"{h.id}.txt").write_text("我们那时候，一根纱也不浪费。", encoding="utf-8")
        at = open_room("honoree", id=h.id)
        assert listen_config(at)["recording"] is True
        (sound,) = at.get("audio")  # once, at the top: not again further down
        assert sound.proto.url.startswith("/app/static/cache/media/")
        assert "我们那时候，一根纱也不浪费。" in texts(at)
        (words,) = [e for e in at.expander if e.label == t("listen_transcript")]
        assert words.markdown[0].value == "我们那时候，一根纱也不浪费。"

        (audio / f"{h.id}.txt").unlink()  # without its words a recording is not played
        at = open_room("honoree", id=h.id)
        assert listen_config(at)["recording"] is False
        assert not at.get("audio")
    finally:
        for path in audio.glob(f"{h.id}.*"):
            path.unlink()


def test_an_offline_rendering_is_there_for_a_device_without_a_voice(open_room, cat, tmp_path) -> None:
    from hall.voice import reading as voice
    from hall.voice.render import wav_path
    from tests.support.listening import listen_config

    h = cat.honorees[5]
    at = open_room("honoree", id=h.id)
    assert not at.get("audio")
    _tone(wav_path(tmp_path / "data", voice.person(h, cat, "zh")))  # as `hall.voice render` leaves it
    at = open_room("honoree", id=h.id)
    assert listen_config(at)["recording"] is False  # the device's own voice first …
    (offline,) = at.get("audio")  # … and this, which the control shows only when it has none
    assert offline.proto.url
    assert t("listen_offline") in texts(at)
