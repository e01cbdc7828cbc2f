"""Labels: 语音讲解, the read-aloud control."""

LABELS: dict[str, tuple[str, str]] = {
    "listen": ("听讲解", "Listen"),
    "listen_stop": ("停止讲解", "Stop"),
    "listen_named": ("{action}：{what}", "{action}: {what}"),  # the button's accessible name
    "listen_recorded": ("录音讲解", "Recorded reading"),
    "listen_transcript": ("录音文字稿", "Transcript of the recording"),
    "listen_playing": ("正在朗读", "Reading aloud"),
    "listen_no_voice": (
        "这台设备没有中文语音，无法朗读。文字就在本页。",
        "This device has no English voice to read aloud. The text is on this page.",
    ),
    "listen_offline": ("本机语音（离线）", "This computer's voice (offline)"),
}
