"""Labels: the frame, navigation, errors and the busy page."""

LABELS: dict[str, tuple[str, str]] = {
    # frame and navigation
    "lang_switch": ("English", "中文"),
    "large_on": ("长辈版", "Large text"),  # the switch's label while the standard hall shows
    "large_off": ("标准版", "Standard text"),
    "large_help": (
        "大字、高对比、大按钮，每屏内容更少",
        "Large text, high contrast, big buttons, fewer items a screen",
    ),
    "menu": ("展厅导航", "Rooms"),
    "range_start": ("起", "start"),  # a range slider's two thumbs (frame.js)
    "range_end": ("止", "end"),
    # Streamlit's own English words on every page, in the hall's language (frame.js)
    "skip_to_content": ("跳到正文", "Skip to main content"),
    "help": ("说明", "Help"),
    "link_to_heading": ("本节链接", "Link to this section"),
    "lang_help": ("Switch the interface to English", "切换为中文界面"),
    "sample_badge": ("示例数据", "Sample data"),
    "sample_note": (
        "本展馆部分人物为程序生成的示例数据（标注“示例”），用于演示；真实人物的事迹均注明出处。",
        "Some people in this hall are generated sample data (marked “sample”) for demonstration; "
        "real people are shown only with cited, public facts.",
    ),
    "room_home": ("序厅", "Welcome"),
    "room_era_revolution": ("革命建设时期", "1949–1978"),
    "room_era_reform": ("改革开放时期", "1979–2012"),
    "room_era_new_era": ("新时代", "New Era"),
    "room_craftsmen": ("工匠馆", "Craftsmen"),
    "room_honoree": ("人物", "Person"),
    "room_directory": ("名录", "Directory"),
    "nav_group_halls": ("展厅", "Halls"),
    "nav_group_explore": ("探索", "Explore"),
    "nav_group_about": ("展馆", "The hall"),
    "nav_group_docent": ("讲解员", "Docents"),
    "room_search": ("搜索", "Search"),
    # more visitors than one process admits (hall/ui/capacity.py)
    "busy_title": ("展馆参观人数较多，请稍后再试", "The hall is busy, please try again shortly"),
    "busy_body": (
        "为了让正在参观的观众浏览顺畅，展馆暂时不接待新的线上观众。"
        "本页每 {seconds} 秒自动重试，有空位时自动进入。",
        "To keep the visit smooth for those already inside, the hall is not letting new visitors in just "
        "now. This page tries again every {seconds} seconds and lets you in as soon as there is room.",
    ),
    "busy_retry": ("立即重试", "Try again now"),
    # errors
    "error_generic": (
        "抱歉，本页出了点问题，已记录。请返回序厅继续参观。",
        "Sorry, something went wrong on this page and it has been logged. Please go back and continue.",
    ),
    "error_pack": (
        "展馆内容暂时无法载入：{reason}",
        "The hall's content cannot be loaded right now: {reason}",
    ),
}
