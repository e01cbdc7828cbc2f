"""Labels: curators: sign-in, moderation, import, photos, labels, requests, load notes; the figures room."""

LABELS: dict[str, tuple[str, str]] = {
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
    # the gate (hall.ui.gate): GuessRefused.label_key, gate_refused_<reason>
    "gate_refused_wait": (
        "尝试太频繁：请 {seconds} 秒后再试。",
        "Too many tries: please wait {seconds} seconds and try again.",
    ),
    "gate_refused_locked": (
        "输错次数过多，登录已暂停，{time} 后恢复（约 {minutes} 分钟）；管理员可以提前解除。",
        "Too many wrong tries: signing in is paused until {time} (about {minutes} minutes); "
        "a curator can lift it sooner.",
    ),
    "gate_refused_gate_locked": (
        "近来输错次数过多，此处登录已对所有人暂停，{time} 后恢复（约 {minutes} 分钟）；管理员可以提前解除。",
        "Too many wrong tries lately: signing in here is paused for everyone until {time} "
        "(about {minutes} minutes); a curator can lift it sooner.",
    ),
    "gate_unavailable": (
        "暂时无法核对登录（数据存储不可用），请稍后再试。",
        "Signing in cannot be checked right now (the store is unavailable); please try again later.",
    ),
    "admin_tab_lockouts": ("登录锁定", "Lockouts"),
    "lockouts_help": (
        "密码或 PIN 连续输错会暂停登录。这里列出正在生效的锁定，可提前解除；"
        "来源是访客地址的不可还原摘要，不是地址本身。",
        "Wrong passwords or PINs pause signing in. These lockouts are in force now and can be lifted "
        "sooner; a source is a digest of the visitor's address that cannot be turned back into it.",
    ),
    "lockouts_none": ("目前没有锁定。", "Nothing is locked now."),
    "lockouts_row": (
        "{gate} · 来源 {client} · 输错 {failures} 次 · 至 {time}",
        "{gate} · source {client} · {failures} wrong tries · until {time}",
    ),
    "lockouts_everyone": ("所有人", "everyone"),
    "lockouts_lift": ("解除", "Lift"),
    "lockouts_lifted": ("已解除。", "Lifted."),
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
    "admin_pick_all": ("勾选本页全部", "Tick everything on this page"),
    "admin_queue_count": ("共 {n} 条留言待审核", "{n} messages waiting"),
    "admin_first_words": ("开头", "Begins"),
    "admin_confirm_approve": (
        "确认通过并公开以下 {n} 条留言？",
        "Approve and publish these {n} messages?",
    ),
    "admin_confirm_reject": ("确认不予展示以下 {n} 条留言？", "Reject these {n} messages?"),
    "admin_confirm": ("确认", "Confirm"),
    "admin_cancel": ("取消", "Cancel"),
    "admin_approved": ("已通过 {n} 条留言。", "{n} messages approved."),
    "admin_rejected": ("已将 {n} 条留言设为不予展示。", "{n} messages rejected."),
    "admin_approve": ("通过所选（{n}）", "Approve selected ({n})"),
    "admin_reject": ("不予展示（{n}）", "Reject selected ({n})"),
    "admin_export_messages": ("导出全部留言 CSV", "Export all messages (CSV)"),
    "admin_export_events": ("导出访问记录 CSV", "Export visit events (CSV)"),
    "admin_pack_clean": (
        "内容包全部记录均已载入，没有问题。",
        "Every record of the pack loaded without problems.",
    ),
    # curators
    "load_problems": ("内容包加载提示（{n} 条）", "Content pack load notes ({n})"),
    "load_problems_help": (
        "以下记录有问题，已跳过或留空，其余内容正常展示：",
        "These records had problems and were skipped or left blank; everything else is shown:",
    ),
    # curation: import, photos, labels, requests
    "admin_tab_import": ("导入名录", "Import directory"),
    "admin_tab_photos": ("照片", "Photos"),
    "admin_tab_labels": ("二维码标签", "QR labels"),
    "admin_tab_requests": ("更正 / 撤回申请", "Correction requests"),
    "import_upload": ("上传名录（Excel .xlsx 或 CSV）", "Upload the directory (Excel .xlsx or CSV)"),
    "import_help": (
        "先预览：系统会列出将新增的人物、被拒绝的行及原因；身份证号、电话、住址等个人信息列会被丢弃，不会保存。确认无误后再导入。",
        "A dry run comes first: it lists the people to add and every rejected row with the reason; "
        "ID numbers, phones and addresses are dropped and never stored. Import only when it looks right.",
    ),
    "import_reading": ("正在读取文件……", "Reading the file…"),
    "import_failed": ("无法导入：{reason}", "Cannot import: {reason}"),
    "import_planned": ("预览完成（尚未写入）", "Dry run done (nothing written yet)"),
    "import_persons": ("涉及人物", "People"),
    "import_new": ("新增人物", "New people"),
    "import_honours_added": ("新增荣誉", "Honours added"),
    "import_rejected": ("被拒绝的行", "Rejected rows"),
    "import_warnings": ("提醒", "Warnings"),
    "import_people": ("将写入的人物", "People to write"),
    "import_dropped": (
        "已丢弃个人信息列（不会保存）：{columns}",
        "Personal columns dropped (never stored): {columns}",
    ),
    "import_duplicates": ("完全重复的行（只计一次）：{rows}", "Exact duplicate rows (counted once): {rows}"),
    "import_nothing": (
        "名录与展馆内容一致，无需导入。",
        "The hall already holds all of this; nothing to import.",
    ),
    "import_apply": ("确认导入", "Import now"),
    "import_writing": ("正在写入……", "Writing…"),
    "import_done": ("导入完成；原文件已备份到 {backup}", "Imported; the previous files are kept in {backup}"),
    "import_write_failed": (
        "写入失败，展馆内容保持原样：{reason}",
        "Writing failed; the hall is as it was: {reason}",
    ),
    "photos_upload": ("上传照片（可多选）", "Upload photos (several at once)"),
    "photos_help": (
        "文件名用人物编号（如 r001.jpg）或姓名（如 丁卫松.jpg，重名时请用编号）。"
        "原图保留，页面只显示缩略图。",
        "Name each file by id (r001.jpg) or by name (丁卫松.jpg; use the id for shared names). "
        "Originals are kept; pages show thumbnails only.",
    ),
    "photos_apply": ("处理照片", "Take in the photos"),
    "photos_working": ("正在处理 {n} 张照片……", "Processing {n} photos…"),
    "photos_done": ("已采用 {n} 张照片", "{n} photos taken in"),
    "qr_count": ("本页将打印 {n} 张标签（共 {total} 位）", "{n} labels on this sheet ({total} people)"),
    "qr_download": ("下载 A4 标签页（打印用）", "Download the A4 label sheet (to print)"),
    "requests_none": ("没有待处理的申请。", "No open requests."),
    "request_title": ("申请更正或撤回本页信息", "Ask to correct or withdraw this record"),
    "request_help": (
        "本人或家属如发现信息有误，或希望撤回展示，请在此说明。联系方式仅用于回复，处理完毕即删除。",
        "If you or your family find an error, or want this record withdrawn, tell us here. "
        "A contact is used only to reply and is deleted once the request is handled.",
    ),
    "request_kind": ("申请类型", "Request"),
    "request_correction": ("更正", "Correction"),
    "request_withdrawal": ("撤回", "Withdrawal"),
    "request_details": ("说明", "Details"),
    "request_contact_optional": ("联系方式（可不填）", "Contact (optional)"),
    "request_contact": ("联系方式", "Contact"),
    "request_send": ("提交申请", "Send request"),
    "request_thanks": (
        "已收到第 {n} 号申请，工作人员会尽快处理。",
        "Request no. {n} received; the staff will handle it.",
    ),
    "request_close": ("所选标记为已处理（{n}）", "Mark selected as handled ({n})"),
    "request_person": ("人物", "Person"),
    "requests_count": ("共 {n} 个待处理的申请", "{n} open requests"),
    "request_confirm_close": (
        "确认将以下 {n} 个申请标记为已处理？其联系方式将被删除。",
        "Mark these {n} requests as handled? Their contacts will be deleted.",
    ),
    "requests_closed": (
        "已处理 {n} 个申请，联系方式已删除。",
        "{n} requests closed; their contacts are deleted.",
    ),
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
    "mode_screen": ("讲解大屏", "Docent's screen"),
}
