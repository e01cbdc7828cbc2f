"""Labels: the kiosk's chrome and attract screen."""

LABELS: dict[str, tuple[str, str]] = {
    # kiosk
    "room_attract": ("欢迎", "Welcome"),
    "kiosk_still_there": (
        "还在参观吗？{n} 秒后回到首页，轻触屏幕继续。",
        "Still there? Back to the start in {n} s — touch the screen to stay.",
    ),
    "kiosk_contrast": ("大字 · 高对比", "Large text"),
    "kiosk_touch": ("轻触屏幕，开始参观", "Touch the screen to begin"),
    "qr_title": ("用手机继续看", "Continue on your phone"),
    "qr_help": ("用手机扫码，在线上云展馆打开本页。", "Scan to open this page in the online hall."),
    "qr_alt": ("本页的二维码", "QR code of this page"),
    "keyboard_title": ("按拼音首字母查找", "Find by pinyin initials"),
    "keyboard_hint": (
        "例如 丁卫松 → D W S。轻触字母，结果随即出现。",
        "e.g. 丁卫松 → D W S. Tap letters; results appear as you go.",
    ),
    "key_delete": ("删除", "Delete"),
    "key_clear": ("清空", "Clear"),
}
