"""Labels: the welcome hall, the era rooms, the craftsmen and a person's page."""

LABELS: dict[str, tuple[str, str]] = {
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
    "enter_era": ("进入{era}", "Enter {era}"),
    "enter_door": ("进入", "Enter"),  # beside the era's name on a kiosk door
    "more_craftsmen": ("走进工匠馆", "Visit the craftsmen"),
    "open_directory": ("查阅名录", "Browse the directory"),
    # era rooms and cards
    "era_traits": ("时代精神", "Spirit of the era"),
    "era_people": ("本时代人物", "People of this era"),
    "film": ("影像", "Film"),
    "recording": ("声音", "In their own words"),
    "transcript": ("文字稿", "Transcript"),
    "era_milestones": ("时代大事", "Milestones of the era"),
    "era_on_timeline": ("在时间长廊中看这个时代", "See this era on the timeline"),
    "era_stories": ("时代故事", "Stories of the era"),
    "era_view": ("看什么", "Show"),
    "era_view_stories": ("时代故事", "Stories"),
    "era_view_milestones": ("时代大事", "Milestones"),
    "era_view_people": ("本时代人物", "People"),
    # the wall of names (名录墙)
    "wall_title": ("名录墙", "Wall of names"),
    "wall_intro": (
        "新中国成立以来受到表彰的每一位劳模工匠，都在这面墙上。点一个名字，看他（她）的故事。",
        "Everyone honoured since 1949 is on this wall. Tap a name to read their story.",
    ),
    "wall_count": ("共 {n} 位", "{n} people"),
    "wall_sample": (
        "展示 {n} 位（共 {total} 位，完整名单见名录）",
        "{n} shown of {total} (the directory lists everyone)",
    ),
    "wall_real": ("粗体：真实人物，均注明出处", "Bold: real people, each with a cited source"),
    "wall_pause": ("暂停播放", "Pause"),  # the moving wall and the changing slides alike
    "wall_resume": ("继续播放", "Resume"),
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
    # life line (个人年表) on a person's page
    "life_line": ("个人年表", "Life line"),
    "life_born": ("出生", "born"),
    "life_role": ("记录中的职务（未注年份）：{role}", "Role as recorded (no year given): {role}"),
    "life_undated": (
        "年份不详的荣誉（{n} 项）未画在年表上。",
        "Honours with no known year ({n}) are not on the line.",
    ),
}
