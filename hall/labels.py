"""Every visitor-facing string of the interface, in Chinese and English."""

from __future__ import annotations

LANGS = ("zh", "en")

LABELS: dict[str, tuple[str, str]] = {
    # frame and navigation
    "lang_switch": ("English", "中文"),
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
    "room_search": ("搜索", "Search"),
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
    # figures
    "room_figures": ("数说展馆", "In numbers"),
    "figures_period": ("时间范围", "Period"),
    "figures_days": ("近 {n} 天", "last {n} days"),
    "figures_down": ("数据库暂时无法连接，统计稍后再看。", "The database cannot be reached; figures later."),
    "figures_total_visits": ("累计参观", "Visits in all"),
    "figures_visits": ("近 {n} 天参观", "Visits, last {n} days"),
    "figures_likes": ("致敬", "Salutes"),
    "figures_searches": ("搜索次数", "Searches"),
    "figures_by_day": ("每日参观人次", "Visits per day"),
    "figures_by_mode": ("参观方式", "How people visit"),
    "figures_most_viewed": ("最多人看的劳模", "Most viewed"),
    "figures_most_liked": ("最多人致敬的劳模", "Most saluted"),
    "figures_none": ("暂无数据。", "Nothing yet."),
    "figures_search_terms": ("观众搜索什么", "What visitors search for"),
    "figures_top_searches": ("常见搜索", "Frequent searches"),
    "figures_zero_searches": ("没有结果的搜索（请补充内容）", "Searches that found no one (content to add)"),
    "figures_search_private": (
        "观众输入的搜索词仅对登录的管理员显示。",
        "What visitors typed is shown to signed-in curators only.",
    ),
    "col_query": ("搜索词", "Search"),
    "col_count": ("次数", "Times"),
    "mode_online": ("线上", "Online"),
    "mode_kiosk": ("展厅触摸屏", "Hall kiosk"),
    "mode_docent": ("讲解", "Docent"),
    # curators
    "room_admin": ("管理", "Curators"),
    "admin_locked": (
        "管理功能未开启：请设置 HALL_ADMIN_PASSWORD 后重新启动。",
        "Curation is locked: set HALL_ADMIN_PASSWORD and restart.",
    ),
    "admin_password": ("管理员密码", "Curator password"),
    "admin_sign_in": ("登录", "Sign in"),
    "admin_sign_out": ("退出登录", "Sign out"),
    "admin_wrong": ("密码不正确。", "Wrong password."),
    "admin_store": ("数据存储：{where}", "Store: {where}"),
    "admin_tab_moderate": ("留言审核", "Moderation"),
    "admin_tab_export": ("导出", "Export"),
    "admin_tab_pack": ("内容包提示", "Pack notes"),
    "admin_queue_empty": ("没有待审核的留言。", "No messages waiting."),
    "admin_to": ("留言对象", "To"),
    "admin_to_hall": ("展馆", "The hall"),
    "admin_text": ("内容", "Message"),
    "admin_created": ("时间", "Sent"),
    "admin_pick": ("选择", "Pick"),
    "admin_approve": ("通过所选（{n}）", "Approve selected ({n})"),
    "admin_reject": ("不予展示（{n}）", "Reject selected ({n})"),
    "admin_export_messages": ("导出全部留言 CSV", "Export all messages (CSV)"),
    "admin_export_events": ("导出访问记录 CSV", "Export visit events (CSV)"),
    "admin_pack_clean": ("内容包全部记录均已载入，没有问题。", "Every record of the pack loaded without problems."),
    # likes and guestbook
    "like": ("致敬 {n}", "Salute {n}"),
    "liked": ("已致敬 {n}", "Saluted {n}"),
    "guestbook_title": ("观众留言", "Visitors' book"),
    "guestbook_to_person": ("给劳模留言", "Leave a message"),
    "guestbook_prompt": ("写下您的敬意与感想", "Write your respect and thoughts"),
    "guestbook_signature": ("署名（可不填）", "Signature (optional)"),
    "guestbook_send": ("提交留言", "Send"),
    "guestbook_thanks": (
        "谢谢您的留言！审核通过后会在这里展示。",
        "Thank you! Your message will appear here once approved.",
    ),
    "guestbook_empty": ("还没有留言。", "No messages yet."),
    "guestbook_anonymous": ("一位观众", "A visitor"),
    "store_down_read": ("留言暂时无法显示。", "Messages cannot be shown right now."),
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
    "keyboard_title": ("按拼音首字母查找", "Find by pinyin initials"),
    "keyboard_hint": (
        "例如 丁卫松 → D W S。轻触字母，结果随即出现。",
        "e.g. 丁卫松 → D W S. Tap letters; results appear as you go.",
    ),
    "key_delete": ("删除", "Delete"),
    "key_clear": ("清空", "Clear"),
    # home
    "home_welcome": (
        "这里展示新中国成立以来{city}各个时代的劳动模范和工匠。",
        "Here stand {city}'s model workers and craftsmen of every era since 1949.",
    ),
    "home_spirit": (
        "劳模精神 · 劳动精神 · 工匠精神",
        "The spirit of model workers · of labour · of craftsmanship",
    ),
    "stat_honorees": ("劳模工匠", "Honorees"),
    "stat_eras": ("历史时期", "Eras"),
    "stat_craftsmen": ("工匠", "Craftsmen"),
    "stat_studios": ("创新工作室", "Innovation studios"),
    "home_doors": ("走进三个时代", "Enter the three eras"),
    "home_featured": ("今日人物", "Featured today"),
    "era_door_count": ("{n} 位", "{n} people"),
    "enter": ("进入", "Enter"),
    "more_craftsmen": ("走进工匠馆", "Visit the craftsmen"),
    "open_directory": ("查阅名录", "Browse the directory"),
    # era rooms and cards
    "era_traits": ("时代精神", "Spirit of the era"),
    "era_people": ("本时代人物", "People of this era"),
    "filter_honour": ("荣誉", "Honour"),
    "filter_district": ("区、县（市）", "District"),
    "filter_industry": ("行业", "Industry"),
    "filter_era": ("时代", "Era"),
    "filter_level": ("级别", "Level"),
    "filter_any": ("全部", "All"),
    "shown_count": ("共 {n} 位", "{n} people"),
    "page_of": ("第 {page} / {pages} 页", "Page {page} of {pages}"),
    "prev_page": ("上一页", "Previous"),
    "next_page": ("下一页", "Next"),
    "no_people": ("没有符合条件的人物，请放宽筛选条件。", "No one matches; try fewer filters."),
    "year_unknown": ("年份不详", "year unknown"),
    "sample_tag": ("示例", "sample"),
    "view_person": ("查看 {name}", "View {name}"),
    # craftsmen
    "craftsmen_intro": (
        "执着专注、精益求精、一丝不苟、追求卓越——新时代的浙江工匠、绍兴工匠。",
        "Persistent, meticulous, exacting and striving for excellence: "
        "the craftsmen of Zhejiang and Shaoxing in the new era.",
    ),
    "craftsmen_skills": ("工匠的行业", "Where the craftsmen work"),
    # honoree
    "honoree_pick": ("请从展厅、名录或搜索中选择一位人物。", "Choose a person from a hall or the directory."),
    "honoree_missing": (
        "没有找到编号为 {id} 的人物，可能链接有误或记录已更正。",
        "There is no person with id {id}; the link may be wrong or the record was changed.",
    ),
    "back_home": ("返回序厅", "Back to the welcome hall"),
    "honours": ("荣誉", "Honours"),
    "employer": ("工作单位", "Employer"),
    "position": ("职务", "Position"),
    "district": ("区、县（市）", "District"),
    "district_now": ("今{name}", "now {name}"),
    "industry": ("行业", "Industry"),
    "born": ("出生年份", "Born"),
    "gender": ("性别", "Gender"),
    "deeds": ("事迹", "Deeds"),
    "quote": ("心声", "In their words"),
    "source": ("资料来源", "Source"),
    "related": ("相关人物", "Related people"),
    "share_link": ("分享链接", "Share this page"),
    "share_help": ("复制此链接，发给朋友即可打开本页。", "Copy this link to share this page."),
    "honour_line": ("{year} · {honour} · {era}", "{year} · {honour} · {era}"),
    "no_honour_listed": (
        "本展馆尚未收录其荣誉称号的年份与级别。",
        "The hall holds no dated honour for this person yet.",
    ),
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
        "点选地图上的区、县（市），或下面的按钮，查看那里的人物和创新工作室。",
        "Tap a district on the map, or a button below, to see its people and innovation studios.",
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
    # life line (个人年表) on a person's page
    "life_line": ("个人年表", "Life line"),
    "life_born": ("出生", "born"),
    "life_role": ("记录中的职务（未注年份）：{role}", "Role as recorded (no year given): {role}"),
    "life_undated": (
        "年份不详的荣誉（{n} 项）未画在年表上。",
        "Honours with no known year ({n}) are not on the line.",
    ),
    # curators
    "load_problems": ("内容包加载提示（{n} 条）", "Content pack load notes ({n})"),
    "load_problems_help": (
        "以下记录有问题，已跳过或留空，其余内容正常展示：",
        "These records had problems and were skipped or left blank; everything else is shown:",
    ),
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
    # guestbook and likes (hall.store): refusals name MessageRefused.reason
    "guestbook_pending": (
        "待审核：审核通过后其他观众才能看到。",
        "Awaiting review: others will see it once a curator approves it.",
    ),
    "guestbook_refused_empty": (
        "留言是空的，请写点什么再提交。",
        "The message is empty; please write something first.",
    ),
    "guestbook_refused_too_long": (
        "留言最多 {limit} 字，这条有 {length} 字，请删减后再提交。",
        "A message can be at most {limit} characters; this one has {length}. Please shorten it.",
    ),
    "guestbook_refused_signature_too_long": (
        "署名最多 {limit} 字。",
        "A signature can be at most {limit} characters.",
    ),
    "guestbook_refused_control_chars": (
        "留言或署名里有看不见的控制字符（署名也不能换行），请删除后再提交。",
        "The message or signature contains invisible control characters (or a line break in the "
        "signature); please remove them and send again.",
    ),
    "guestbook_refused_duplicate": ("这条留言刚才已经提交过了。", "You have just sent this same message."),
    "guestbook_refused_rate_limited": (
        "留言太频繁了：每 {minutes} 分钟最多 {limit} 条，请稍后再试。",
        "Too many messages: at most {limit} every {minutes} minutes. Please try again later.",
    ),
    "store_down_like": (
        "点赞暂时无法保存，请稍后再试。",
        "Your like cannot be saved right now; please try again later.",
    ),
    "store_down_message": (
        "留言暂时无法保存，请稍后再试。",
        "Your message cannot be saved right now; please try again later.",
    ),
}


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The label `key` in `lang` (zh or en), with `{placeholders}` filled in."""
    zh, en = LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text
