"""Labels: search, the directory, the timeline, the map and the studios."""

LABELS: dict[str, tuple[str, str]] = {
    # a chart or table read as text (charts.as_text, the directory)
    "chart_as_text": ("图表的文字版（{n} 项）", "The chart as text ({n} items)"),
    "chart_series": ("类别", "Series"),
    "chart_mark": ("内容", "What it shows"),
    "chart_alt": (
        "图表：{title}。下方“图表的文字版”逐项列出。",
        "Chart: {title}. Listed item by item under “The chart as text”.",
    ),
    "directory_alt": (
        "名录表格，共 {n} 位，可按列排序；下方“表格的文字版”列出前 {shown} 位，下载 CSV 可得全部。",
        "The directory table, {n} people, sortable by column; “The table as text” below lists "
        "the first {shown}, the CSV has everyone.",
    ),
    "directory_as_text": ("表格的文字版（前 {n} 位）", "The table as text (first {n})"),
    # search
    "search_box": ("姓名、拼音、首字母、单位、事迹……", "Name, pinyin, initials, employer, deeds…"),
    "search_placeholder": ("例如：丁卫松、dws、小笼包、绍兴县", "e.g. 丁卫松, dws, 小笼包, 绍兴县"),
    "search_nothing": ("没有找到与“{query}”相符的人物。", "No one matches “{query}”."),
    "search_suggestions": ("您是不是要找：", "Did you mean:"),
    "match_name": ("姓名", "Name"),
    "match_pinyin": ("拼音", "Pinyin"),
    "match_initials": ("首字母", "Initials"),
    "match_sounds_like": ("读音相近", "Sounds like"),
    "match_typo": ("字形相近", "Close spelling"),
    "match_employer": ("单位", "Employer"),
    "match_position": ("职务", "Position"),
    "match_deeds": ("事迹", "Deeds"),
    "match_quote": ("心声", "Words"),
    "match_district": ("区县", "District"),
    "match_industry": ("行业", "Industry"),
    "match_honour": ("荣誉", "Honour"),
    "match_era": ("时代", "Era"),
    # directory
    "directory_intro": (
        "全部人物一览，可按列排序、筛选并下载。",
        "Everyone in the hall: sort by any column, filter, and download.",
    ),
    "download_csv": ("下载 CSV", "Download CSV"),
    "table_capped": (
        "表中显示前 {n} 位；请缩小筛选范围，或下载 CSV 查看全部。",
        "The table shows the first {n}; narrow the filters or download the CSV for everyone.",
    ),
    "col_id": ("编号", "ID"),
    "col_name": ("姓名", "Name"),
    "col_pinyin": ("拼音", "Pinyin"),
    "col_gender": ("性别", "Gender"),
    "col_birth": ("出生年份", "Born"),
    "col_honours": ("荣誉", "Honours"),
    "col_level": ("最高级别", "Highest level"),
    "col_first_year": ("首次获评", "First honoured"),
    "col_eras": ("时代", "Eras"),
    "col_district": ("区县（今）", "District (today)"),
    "col_district_printed": ("区县（原载）", "District (as printed)"),
    "col_employer": ("工作单位", "Employer"),
    "col_industry": ("行业", "Industry"),
    "col_sample": ("示例", "Sample"),
    "level_national": ("全国", "National"),
    "level_provincial": ("省级", "Provincial"),
    "level_municipal": ("市级", "Municipal"),
    "level_county": ("县级", "County"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # timeline (时间长廊)
    "room_timeline": ("时间长廊", "Timeline"),
    "timeline_intro": (
        "{first} 年以来{city}劳模工匠每年获得的荣誉，按级别分色叠加；底色标出历史时期，上方的菱形是大事记。",
        "The honours {city}'s model workers and craftsmen received each year since {first}, stacked by "
        "level; the shading marks the eras and the diamonds above are milestones.",
    ),
    "timeline_view": ("显示方式", "View"),
    "view_decade": ("按年代", "By decade"),
    "view_year": ("按年份", "By year"),
    "timeline_hint_decade": (
        "点一下某个年代的柱子或按钮，下面就列出这十年获得荣誉的人物；也可以拖动年份滑块。",
        "Tap a decade's bar or button to list the people honoured in it, or drag the year slider.",
    ),
    "timeline_hint_year": (
        "在图上横向拖选一段年份，下面就列出这段时间获得荣誉的人物；也可以点年代按钮或拖动年份滑块。",
        "Drag across the chart to pick a span of years, or use the decade buttons or the year slider.",
    ),
    "timeline_span": ("年份范围", "Years"),
    "timeline_all_years": ("看全部年份", "All years"),
    "timeline_axis": ("荣誉（项）", "Honours"),
    "count_honours": ("{n} 项", "{n} honours"),
    "decade_tick": ("{decade}<br>年代", "{decade}s"),
    "decade_label": ("{decade}年代", "{decade}s"),
    "timeline_decades": ("按年代看", "Go to a decade"),
    "timeline_milestones": ("大事记", "Milestones"),
    "timeline_undated": (
        "另有 {n} 项荣誉年份不详，未计入图中。",
        "{n} more honours have no known year and are not counted in the chart.",
    ),
    "timeline_people_span": ("{start}—{end} 年获得荣誉的人物", "People honoured {start}–{end}"),
    "timeline_people_year": ("{year} 年获得荣誉的人物", "People honoured in {year}"),
    # map (地图) and innovation studios
    "room_map": ("地图", "Map"),
    "map_intro": (
        "{city}各区、县（市）的劳模工匠人数，颜色越深人数越多。",
        "How many of {city}'s model workers and craftsmen come from each district; darker means more.",
    ),
    "map_former": (
        "记录中的旧地名（如{names}）计入今天的区县，人物页上仍照原样显示。",
        "Records printed under a former name (such as {names}) count for today's district; "
        "the person's page keeps the name as printed.",
    ),
    "map_pick": (
        "点选地图上的区、县（市），或它的按钮，查看那里的人物和创新工作室。",
        "Tap a district on the map, or its button, to see its people and innovation studios.",
    ),
    "map_show_studios": ("在地图上显示创新工作室", "Show innovation studios on the map"),
    "map_studios_legend": ("创新工作室（{state}）", "Studios ({state})"),
    "map_people": ("{district}的劳模工匠", "Honorees from {district}"),
    "map_studios_here": ("{district}的创新工作室", "Innovation studios in {district}"),
    "map_no_studio_here": ("这里暂未收录创新工作室。", "No innovation studio is recorded here yet."),
    "map_all_studios": ("查看全部创新工作室", "See all innovation studios"),
    "map_no_district": (
        "另有 {n} 位人物的记录未注明区县，不在地图上。",
        "{n} more people have no district in their record and are not on the map.",
    ),
    "map_unavailable": (
        "地图暂时无法显示：内容包的区县边界文件有以下问题。",
        "The map cannot be drawn: the pack's district boundary file has these problems.",
    ),
    "room_studios": ("创新工作室", "Studios"),
    "studios_intro": (
        "看完展馆，再走进劳模工匠创新工作室。每个工作室都写明了能看到什么、是否接待参观。",
        "After the hall, go on to the innovation studios of model workers and craftsmen. "
        "Each one says what you can see there and whether it takes visitors.",
    ),
    "studios_open_only": ("只看可参观的", "Open to visitors only"),
    "studios_count": ("共 {n} 个工作室", "{n} studios"),
    "studios_none": ("没有符合条件的工作室。", "No studio matches."),
    "studios_unplaced": (
        "{n} 个工作室未标注位置，只在列表中显示。",
        "{n} studios have no recorded location and are only listed.",
    ),
    "studio_open": ("可参观", "open to visitors"),
    "studio_closed": ("暂不接待参观", "not open to visitors"),
    "studio_level": ("{level}工作室", "{level} studio"),
    "studio_leader": ("领衔人：{name}", "Led by {name}"),
}
