"""Labels: the real roll — telling real (cited) records from the invented sample."""

LABELS: dict[str, tuple[str, str]] = {
    "filter_real": ("真实记录", "Real records"),
    "filter_real_help": (
        "只看有公开来源的真实人物，不看示例数据。",
        "Only real people with a cited public source, not the invented sample.",
    ),
    "home_real_count": (
        "馆内 {real} 位真实人物，均有公开来源；另有 {sample} 位示例人物（虚构，标“示例”）。",
        "{real} real people, each with a cited public source; "
        "{sample} sample people (invented, marked “sample”).",
    ),
    "home_real_count_all": (
        "馆内 {real} 位人物均为真实记录，均有公开来源。",
        "All {real} people are real records, each with a cited public source.",
    ),
    "person_note": ("资料说明", "About the sources"),
}
