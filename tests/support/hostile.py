"""Hostile text for every place that shows a visitor's or a link's words, and checks that what
reaches Streamlit's Markdown stays inert: no link, image, heading, directive, formula or HTML, and
no bare URL or e-mail address that GitHub-flavoured Markdown would turn into a link by itself."""

from __future__ import annotations

import re
from collections import Counter

# What each entry tries; the keys name the test cases.
CORPUS: dict[str, str] = {
    # Finding 4 as reported: a red "official notice", a working link out and an image from there.
    "phishing": "# :red[官方通知]\n## 账户异常 请[立即验证](https://evil.example/login)\n"
    "![](https://evil.example/logo.png)",
    "link": "[点我领奖](http://evil.example/prize)",
    "js_link": "[点我](javascript:alert(1))",
    "image": "![x](http://evil.example/track.png)",
    "reference_link": "[官网][1]\n\n[1]: http://evil.example",
    "angle_autolink": "<http://evil.example> <a@evil.example>",
    "bare_url": "详见 http://evil.example/login?next=/ 谢谢",
    "bare_https_upper": "HTTPS://EVIL.EXAMPLE/PATH",
    "www": "请访问 www.evil.example 领取",
    "www_in_path": "http://x.example//www.evil.example",
    "email": "联系 admin@evil.example 领奖",
    "mailto": "mailto:admin@evil.example xmpp:bot@evil.example",
    "html": "<script>alert(1)</script><img src=x onerror=alert(1)><b>粗</b>",
    "directives": ":red[红字] :blue-background[蓝底] :orange-badge[徽章] :rainbow[彩虹]",
    "icons": ":material/warning: 注意 :streamlit: :smile: :+1:",
    "latex": "$x^2$ 与 $$\\int_0^1 f(x)\\,dx$$ 与 \\(a\\)",
    "emphasis": "**粗体** __粗__ _斜体_ *斜* ~~删除~~ `代码`",
    "table": "| 姓名 | 荣誉 |\n|---|---|\n| 甲 | 乙 |",
    "lists": "- 一\n* 二\n+ 三\n1. 四\n2) 五\n- [x] 任务",
    "quote": "> 引用\n>> 嵌套",
    "code_fence": "```python\nprint(1)\n```\n~~~\nx\n~~~",
    "indented_code": "第一行\n\n    缩进的代码\n\t制表缩进",
    "setext": "标题\n===\n副标题\n---",
    "rules": "***\n___\n- - -",
    "entities": "&lt;b&gt; &amp; &#x3C;i&#x3E; &copy;",
    "footnote": "脚注[^1]\n\n[^1]: http://evil.example",
    "backslashes": "\\*不是粗体\\* \\\\ 结尾\\",
    "hard_break": "行尾两个空格  \n下一行",
    "emoji": "致敬 👩‍🔧👨‍🏭 🇨🇳 ❤️",
    "rtl_override": "hello\u202egpj.exe",
    "zero_width": "ht\u200btp://evil.example w\u200bww.evil.example",
    "formula": '=HYPERLINK("http://evil.example","点我")',
    "heading_after_text": "正常的一句话\n# 第二行是标题",
    "very_long": "劳模精神" * 600 + " https://evil.example",
}

WORD_JOINER = "\u2060"
# Characters Markdown (with Streamlit's directives, LaTeX and HTML) can read as markup.
MARKUP = set("\\`*_{}[]()#+-.!|<>~$:=&")
# GitHub-flavoured Markdown links these by itself (the patterns of mdast-util-gfm-autolink-literal).
_AUTOLINKS = (
    re.compile(r"https?://", re.I),
    re.compile(r"www(?=\.)", re.I),
    re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+"),
)
# Streamlit's own shortcodes, which it replaces even when their colons are escaped.
_SHORTCODES = re.compile(r":(?:material|streamlit)\b", re.I)


def unescape(markdown: str) -> str:
    """The text Markdown keeps once backslash escapes are resolved."""
    return re.sub(r"\\(.)", r"\1", markdown, flags=re.S)


def reading(markdown: str) -> str:
    """What a reader sees of inert Markdown: escapes resolved, joiners invisible, indentation kept."""
    return unescape(markdown).replace(WORD_JOINER, "").replace("\u00a0", " ")


def typed_reading(text: str) -> str:
    """What a reader should see of `text`: everything printable as typed (joiners of emoji kept)."""
    return "".join(ch for ch in text if ch in "\n\t\u200c\u200d" or ch.isprintable())


def same_reading(markdown: str, text: str) -> bool:
    """Whether inert `markdown` reads as `text` did, up to runs of white space (which HTML
    shows as one space anyway)."""
    return reading(markdown).split() == typed_reading(text).split()


def _masked(markdown: str) -> str:
    """`markdown` with every backslash escape (the backslash and the character after it) blanked
    out, so that only characters Markdown would act on are left to match."""
    out: list[str] = []
    i = 0
    while i < len(markdown):
        if markdown[i] == "\\":
            out.append("\0" * len(markdown[i : i + 2]))
            i += 2
        else:
            out.append(markdown[i])
            i += 1
    return "".join(out)


def live_markup(markdown: str) -> list[str]:
    """Markup in `markdown` that Streamlit would act on, as short descriptions (empty: inert).

    Looks for markup characters not escaped by a backslash, lines indented into code blocks,
    URLs and e-mail addresses GFM would link by itself, and Streamlit's shortcodes.
    """
    found = [f"unescaped {ch!r}" for ch in _masked(markdown) if ch in MARKUP]
    for n, line in enumerate(markdown.split("\n")[1:], start=2):
        if line[:1] in (" ", "\t"):
            found.append(f"line {n} starts indented")
    text = unescape(markdown)
    for pattern in (*_AUTOLINKS, _SHORTCODES):
        found += [f"live {m.group(0)!r}" for m in pattern.finditer(text)]
    return found


def live_links(markdown: str) -> list[str]:
    """Links, images, raw HTML and autolinks Streamlit would render from `markdown`: what a
    phishing text needs. Unlike live_markup, the hall's own labels never hold any of these."""
    found = [f"live {m.group(0)!r}" for m in re.finditer(r"!\[|\]\(|\]\[|<", _masked(markdown))]
    text = unescape(markdown)
    for pattern in _AUTOLINKS:
        found += [f"live {m.group(0)!r}" for m in pattern.finditer(text)]
    return found


def counted(markdown: str) -> Counter[str]:
    """live_markup as a multiset of kinds, to compare a page with a harmless run of itself."""
    return Counter(re.sub(r"^line \d+ ", "line ", item) for item in live_markup(markdown))
