"""Labels: what visitors leave: likes and the guestbook (refusals name MessageRefused.reason)."""

LABELS: dict[str, tuple[str, str]] = {
    # likes and guestbook
    "like": ("致敬 {n}", "Salute {n}"),
    "liked": ("已致敬 {n}", "Saluted {n}"),
    "liked_help": ("再按一次，收回致敬", "Press again to take the salute back"),
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
    # hourly limits (hall.store.limits): RateLimited.label_key, limit_<scope>_<action>
    "limit_client_like": (
        "来自您所在网络的致敬已达每小时 {limit} 次的上限，请约 {minutes} 分钟后再试。",
        "Salutes from your network have reached the limit of {limit} an hour; "
        "please try again in about {minutes} minutes.",
    ),
    "limit_person_like": (
        "来自您所在网络对这位人物的致敬已达每小时 {limit} 次的上限，请约 {minutes} 分钟后再试。",
        "Salutes to this person from your network have reached the limit of {limit} an hour; "
        "please try again in about {minutes} minutes.",
    ),
    "limit_hall_like": (
        "展馆这一小时收到的致敬已达 {limit} 次的上限，请约 {minutes} 分钟后再试。",
        "The hall has received its limit of {limit} salutes this hour; "
        "please try again in about {minutes} minutes.",
    ),
    "limit_client_message": (
        "来自您所在网络的留言已达每小时 {limit} 条的上限，请约 {minutes} 分钟后再试。",
        "Messages from your network have reached the limit of {limit} an hour; "
        "please try again in about {minutes} minutes.",
    ),
    "limit_hall_message": (
        "展馆这一小时收到的留言已达 {limit} 条的上限，请约 {minutes} 分钟后再试。",
        "The hall has received its limit of {limit} messages this hour; "
        "please try again in about {minutes} minutes.",
    ),
    "limit_client_request": (
        "来自您所在网络的申请已达每小时 {limit} 件的上限，请约 {minutes} 分钟后再试。",
        "Requests from your network have reached the limit of {limit} an hour; "
        "please try again in about {minutes} minutes.",
    ),
    "limit_hall_request": (
        "展馆这一小时收到的申请已达 {limit} 件的上限，请约 {minutes} 分钟后再试。",
        "The hall has received its limit of {limit} requests this hour; "
        "please try again in about {minutes} minutes.",
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
