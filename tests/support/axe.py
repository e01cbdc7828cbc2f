"""axe-core in the browser tests: WCAG 2.2 AA measured on what a visitor's browser really shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.support.needs import missing
from tools.axe import TARGET, VERSION

if TYPE_CHECKING:
    from playwright.sync_api import Page

WCAG_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
_RUN = """async ([tags, rules]) => {
  const only = rules ? { type: "rule", values: rules } : { type: "tag", values: tags };
  const result = await axe.run(document, { runOnly: only, resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
    v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} [${(n.failureSummary || "").replace(/\\s+/g, " ")
      .slice(0, 200)}]`).join("; ") + (v.nodes.length > 5 ? ` … ${v.nodes.length} nodes` : ""));
}"""


def axe_violations(page: Page, *, tags: tuple[str, ...] = WCAG_AA, rules: tuple[str, ...] = ()) -> list[str]:
    """Each violation axe finds on the page as it is now, one line each (rule, impact, nodes).

    `rules` runs just those rules (e.g. "color-contrast-enhanced", the 7:1 of the 长辈版)."""
    if not TARGET.exists():
        missing(
            "ACCESSIBILITY TESTS", f"axe-core {VERSION} not fetched: run `make setup` (python -m tools.axe)"
        )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=TARGET.read_text(encoding="utf-8"))
    return page.evaluate(_RUN, [list(tags), list(rules) or None])
