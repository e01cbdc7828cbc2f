"""Labels: the light pages (hall.publish) — plain HTML pages to share, one per person, era, studio
and activity."""

LABELS: dict[str, tuple[str, str]] = {
    "light_enter_person": ("进入展馆，看{name}的展页", "Open {name}'s page in the hall"),
    "light_enter_era": ("进入展馆的{era}展厅", "Open the {era} room in the hall"),
    "light_enter_studio": ("进入展馆的创新工作室展厅", "Open the studios room in the hall"),
    "light_enter_hall": ("进入线上云展馆", "Enter the online hall"),
    "light_index_title": ("人物索引（按时代）", "People by era"),
    "light_index_intro": (
        "本页是{hall}的简明版：每位劳模工匠一页，打开即读，便于分享。完整的展馆请点上面的按钮进入。",
        "A light version of the {hall}: one page a person, quick to open and to share. "
        "The full hall is behind the button above.",
    ),
    "light_portrait_alt": ("{name}的肖像", "Portrait of {name}"),
    "light_name_portrait_alt": ("{name}的名字肖像", "Name portrait of {name}"),
    "light_people_count": ("{n} 位", "{n} people"),
    "light_studio_count": ("{n} 个", "{n} studios"),
    "light_page_of": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "light_prev": ("上一页", "Previous page"),
    "light_next": ("下一页", "Next page"),
    "light_pager": ("分页", "Pages"),
    "light_eras_nav": ("浏览展馆", "Browse the hall"),
    "light_index_link": ("人物索引", "Index of people"),
    "light_studios": ("创新工作室", "Innovation studios"),
    "light_studios_title": ("劳模工匠创新工作室", "Model workers' and craftsmen's studios"),
    "light_studio_leader": ("领衔人", "Led by"),
    "light_studio_level": ("级别", "Level"),
    "light_studio_visits": ("参观", "Visits"),
    "light_studio_what": ("可以看到", "What you can see"),
    "light_sample_person": (
        "示例：本页人物为程序生成的示例数据，并非真实人物。",
        "Sample: this person is generated sample data, not a real person.",
    ),
    "light_sample_record": (
        "示例：本页内容为程序生成的示例数据。",
        "Sample: this record is generated sample data.",
    ),
    "light_sample_title": ("（示例）", " (sample)"),
    "light_about": (
        "简明页面，无需脚本即可阅读。致敬、留言和更多内容请进入展馆。",
        "A light page, readable without scripts. To salute, leave a message and see more, enter the hall.",
    ),
    "light_honoured": ("{honour}（{year}）", "{honour} ({year})"),
    "light_activities": ("活动", "Activities"),
    "light_activities_title": ("劳模工匠活动", "What the model workers and craftsmen do"),
    "light_activities_intro": (
        "劳模工匠宣讲、进校园、志愿服务、工作室开放日和技能展示，按年份排列，最新的在前。",
        "Talks, school visits, volunteer services, studio open days and skill shows, by year, latest first.",
    ),
    "light_activity_count": ("{n} 项活动", "{n} activities"),
    "light_activity_years": ("年份", "Years"),
    "light_activity_year": ("{year} 年", "{year}"),
    "light_activity_studio": ("工作室", "Studio"),
    "light_activity_minutes": ("约 {n} 分钟", "about {n} minutes"),
    "light_enter_activity": ("进入展馆，看这项活动的展页", "Open this activity's page in the hall"),
    "light_enter_activities": ("进入展馆的活动展厅", "Open the activities room in the hall"),
    "light_sample_activity": (
        "示例：本页活动为程序生成的示例数据，并非真实活动。",
        "Sample: this activity is generated sample data, not a real one.",
    ),
    "light_recent_activities": ("近期活动", "Recent activities"),
    "light_more_activities": (
        "共 {n} 项活动，全部请进入展馆查看",
        "{n} activities in all: see them in the hall",
    ),
}
