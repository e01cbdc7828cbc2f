"""Labels: 名师高徒 — the 传承 room, a person's 师承, a studio's pairs, lineage tour stops."""

LABELS: dict[str, tuple[str, str]] = {
    "room_lineage": ("传承", "Lineages"),
    "lineage_intro": (
        "名师带高徒，绝技代代传。全市已结对名师高徒 322 对："
        "点一位师傅或徒弟，沿着技艺的传承往上找师傅，往下看徒弟和徒弟的徒弟。",
        "Masters pass their skills to apprentices, generation after generation. The city has paired "
        "322 masters and apprentices: tap a master or an apprentice to follow the skill up to their "
        "masters and down to their apprentices and theirs.",
    ),
    "lineage_section": ("师承", "Masters and apprentices"),
    "lineage_masters": ("师傅", "Masters"),
    "lineage_masters_masters": ("师傅的师傅", "Their masters' masters"),
    "lineage_apprentices": ("徒弟", "Apprentices"),
    "lineage_apprentices_apprentices": ("徒弟的徒弟", "Apprentices' apprentices"),
    "lineage_generation_up": ("往上第 {n} 代", "{n} generations up"),
    "lineage_generation_down": ("往下第 {n} 代", "{n} generations down"),
    "lineage_follow": ("跟随{name}的传承", "Follow {name}'s line"),
    "lineage_open_person": ("{name}的人物页", "{name}'s page"),
    "lineage_named": ("{name}（{employer}）", "{name} ({employer})"),
    "lineage_pair": ("{year}年结对 · {craft}", "paired {year} · {craft}"),
    "lineage_pair_no_year": ("结对年份不详 · {craft}", "year not known · {craft}"),
    "lineage_outcome": ("成果：{text}", "What came of it: {text}"),
    "lineage_all": ("返回全部传承", "Back to all lineages"),
    "lineage_this_line": ("{name}的传承", "{name}'s line"),
    "lineage_none": ("没有符合条件的名师高徒结对。", "No master–apprentice pair matches."),
    "lineage_no_pairs": ("{name}暂无师徒结对记录。", "No master–apprentice pair names {name}."),
    "lineage_unknown": ("传承馆里没有这位人物的结对记录。", "The lineages name no one with this id."),
    "lineage_counts": (
        "{pairs} 对名师高徒，{people} 人，{lines} 条传承线",
        "{pairs} pairs, {people} people, {lines} lines",
    ),
    "lineage_graph_alt": (
        "传承图：{people} 位师傅和徒弟、{pairs} 对结对，每条连线从师傅连到徒弟；文字版见“传承一览”。",
        "Lineage graph: {people} masters and apprentices and {pairs} pairs, each line from a master "
        "down to an apprentice; the same as text under “The lines”.",
    ),
    "lineage_line_alt": (
        "{name}的传承图：往上 {up} 代、往下 {down} 代，共 {people} 人；文字版见旁边的列表。",
        "{name}'s line: {up} generations up, {down} down, {people} people; the same as text beside it.",
    ),
    "lineage_tap_hint": (
        "点图中的人物，或点下面的名字，即可沿传承线继续看。",
        "Tap a person on the graph, or a name below, to follow their line.",
    ),
    "lineage_list": ("传承一览", "The lines"),
    "lineage_lines_count": ("共 {n} 条传承线", "{n} lines"),
    "lineage_view": ("查看方式", "View"),
    "lineage_view_graph": ("传承图", "Graph"),
    "lineage_root_line": ("{name}：徒弟 {n} 人", "{name}: {n} apprentices"),
    "lineage_filter_craft": ("技艺", "Craft"),
    "lineage_filter_industry": ("行业", "Industry"),
    "lineage_filter_district": ("区县", "District"),
    "lineage_filter_studio": ("工作室", "Studio"),
    "lineage_figures": ("数说传承", "Lineages in numbers"),
    "lineage_per_year": ("每年结对数", "Pairs made each year"),
    "lineage_per_year_alt": (
        "{first}–{last} 年共结对 {total} 对，最多的是 {year} 年（{n} 对）。",
        "{total} pairs from {first} to {last}; the most in {year} ({n}).",
    ),
    "lineage_per_studio": ("结对最多的工作室", "Studios with the most pairs"),
    "lineage_per_studio_alt": (
        "共有 {studios} 个工作室结对；最多的是{top}。",
        "Pairs in {studios} studios; the most in {top}.",
    ),
    "lineage_honoured": ("徒弟后来怎样", "What became of the apprentices"),
    "lineage_honoured_after": ("结对后获评荣誉", "Honoured after pairing"),
    "lineage_honoured_before": ("结对前已获荣誉", "Honoured before pairing"),
    "lineage_honoured_not_yet": ("尚未列入展馆人物", "Not (yet) in the hall"),
    "lineage_honoured_alt": (
        "{after} 位徒弟结对后获评荣誉，{before} 位结对前已获荣誉，{not_yet} 位尚未列入展馆人物。",
        "{after} apprentices were honoured after pairing, {before} before, "
        "{not_yet} are not (yet) in the hall.",
    ),
    "lineage_figures_none": ("没有可统计的结对。", "No pairs to count."),
    "studio_pairs": ("名师高徒 {n} 对", "{n} master–apprentice pairs"),
    "studio_pairs_link": ("查看{studio}的名师高徒", "Pairs of {studio}"),
    "stop_lineage": ("传承", "Lineage"),
    "builder_lineage": ("传承线（从此人看师徒）", "A lineage (this person's masters and apprentices)"),
}
