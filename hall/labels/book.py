"""Labels: the printed 名录 (hall.book) and the open-data downloads (hall.export)."""

LABELS: dict[str, tuple[str, str]] = {
    # the book, as printed
    "book_title": ("{city}劳模名录", "{city} Roll of Model Workers"),
    "book_subtitle": ("劳动模范 · 先进工作者 · 工匠", "Model workers · Advanced workers · Craftsmen"),
    "book_booklet_era": ("{era}分册", "{era}"),
    "book_booklet_district": ("{district}分册", "{district}"),
    "book_volume": ("第 {n} 册（共 {of} 册）", "Volume {n} of {of}"),
    "book_edited_by": ("{organiser} 编", "Edited by {organiser}"),
    "book_made": ("据{hall}记录编印 · {date}", "Printed from the records of {hall} · {date}"),
    "book_count": ("收录 {n} 人", "{n} people"),
    "book_licence": ("数据许可：{licence}", "Data licence: {licence}"),
    "book_preface_title": ("前言", "Preface"),
    "book_preface": (
        "劳动模范和工匠是{city}各行各业劳动者的优秀代表。本书依{hall}所存记录编成，"
        "按新中国的三个历史时期分编，工匠另成一编；每编之内按荣誉级别、获评年份排列。"
        "每位人物列出所获荣誉及年份、工作单位和职务、所在区县（原载名称及今名）、主要事迹、"
        "心声和资料来源。书末附姓名拼音索引和区县索引。",
        "Model workers and craftsmen are the finest of {city}'s working people. This book is "
        "compiled from the records of {hall}: one part for each of the three eras of the People's "
        "Republic and one for the craftsmen, each ordered by the level and year of the honour. "
        "Every entry gives the honours and years, employer and position, district (as printed, "
        "and today's), deeds, words and sources. Indexes of names by pinyin and by district close it.",
    ),
    "book_sample_note": (
        "标注“示例”的人物为演示用的虚构数据，并非真实人物；其余人物的事实均出自所注来源。",
        "People marked 示例 (sample) are invented for demonstration and are not real; every other "
        "entry states only what its sources state.",
    ),
    "book_part_craftsmen": ("工匠", "Craftsmen"),
    "book_part_undated": ("获评年份待考", "Year of honour unknown"),
    "book_part_count": ("本编收录 {n} 人", "{n} people in this part"),
    "book_level_none": ("荣誉待考", "Honour not recorded"),
    "book_level_heading": ("{level}荣誉", "{level} honours"),
    "book_sample": ("示例", "Sample"),
    "book_year_unknown": ("年份不详", "year unknown"),
    "book_employer": ("单位", "Employer"),
    "book_district": ("区县", "District"),
    "book_district_today": ("{printed}（今{today}）", "{printed} (today {today})"),
    "book_industry": ("行业", "Industry"),
    "book_source": ("来源", "Source"),
    "book_no_source": ("示例数据，无来源", "sample data, no source"),
    "book_index_pinyin": ("姓名索引（按拼音）", "Index of names (by pinyin)"),
    "book_index_district": ("区县索引", "Index by district"),
    "book_district_unknown": ("区县不详", "District unknown"),
    "book_empty": ("（没有符合条件的人物）", "(no one matches)"),
    # curators: the book and the open data in 管理 → 导出
    "book_admin_heading": ("《名录》PDF", "The printed roll (PDF)"),
    "book_admin_help": (
        "按当前内容包排版成可交付印刷的 PDF（内嵌字体）。同一内容包、同一选项只生成一次，之后直接下载。",
        "Typesets the current pack as a print-ready PDF (fonts embedded). Each pack and choice is "
        "made once, then downloaded straight away.",
    ),
    "book_admin_paper": ("纸张", "Paper"),
    "book_admin_scope": ("范围", "Scope"),
    "book_admin_whole": ("全书", "The whole book"),
    "book_admin_qr": (
        "每位人物附二维码（需在 hall.yaml 设置 base_url）",
        "A QR code per entry (needs base_url in hall.yaml)",
    ),
    "book_admin_make": ("生成《名录》PDF", "Make the roll as PDF"),
    "book_admin_making": ("正在排版，约需数十秒……", "Typesetting, this takes some tens of seconds…"),
    "book_admin_download": ("下载《名录》PDF（{size}）", "Download the roll PDF ({size})"),
    "book_admin_failed": ("未能生成：{reason}", "Could not make it: {reason}"),
    "book_admin_no_base": (
        "hall.yaml 未设置 base_url，无法生成二维码。",
        "hall.yaml sets no base_url, so no QR codes can be printed.",
    ),
    "export_heading": ("开放数据", "Open data"),
    "export_help": (
        "公开字段（不含任何个人信息字段）：CSV（UTF-8 带 BOM）、JSON、JSON-LD（schema.org）"
        "及数据包说明 datapackage.json，打包为 zip。",
        "The published fields (no personal field): CSV (UTF-8 with BOM), JSON, JSON-LD (schema.org) "
        "and the datapackage.json descriptor, in one zip.",
    ),
    "export_download": ("下载开放数据包（zip）", "Download the open data (zip)"),
}
