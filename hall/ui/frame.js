// The frame's page-level fixes, installed once per page load and updated on every run (CFG is
// filled in by Python): the page's language and title, and the hall's own words for the few
// strings Streamlit writes in English (the skip link, heading anchors, help buttons); links that
// look alike on screen named apart; and focus kept where the visitor was when a rerun redraws it.
(() => {
  const cfg = CFG;
  const keyOf = (el) => {
    const holder = el && el.closest ? el.closest('[class*="st-key-"]') : null;
    const name = holder ? [...holder.classList].find((c) => c.startsWith("st-key-")) : null;
    return name || null;
  };
  const focusable = (el) => el && el.querySelector('button:not([disabled]), a[href], input, textarea, [tabindex="0"]');
  // A rerun may replace or disable the control the visitor just pressed (致敬, a pager button):
  // the browser then drops focus to the page's top. Put it back on the control, or on the
  // nearest live control of its row (the other pager button).
  const restoreFocus = (state) => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!lost || !state.focusKey || state.focusUrl !== location.href) return;
    const holder = document.querySelector(`.${state.focusKey}`);
    if (!holder) return;
    const row = holder.closest('[data-testid="stHorizontalBlock"], [data-testid="stLayoutWrapper"]');
    const target = focusable(holder) || (row && focusable(row));
    if (target) target.focus({ preventScroll: true });
  };
  const apply = (c) => {
    const root = document.documentElement;
    if (root.lang !== c.lang) root.lang = c.lang;
    if (document.title !== c.title) document.title = c.title;
    for (const el of document.querySelectorAll('[data-testid="stSkipToContent"]')) {
      if (el.textContent !== c.skip) el.textContent = c.skip;
    }
    for (const el of document.querySelectorAll('[aria-label="Help"], [aria-label^="Help for "]')) {
      const about = el.getAttribute("aria-label").replace(/^Help( for )?/, "");
      el.setAttribute("aria-label", about ? `${c.help}：${about}` : c.help);
    }
    // A range slider names its two thumbs "(label) — start" and "… — end", in English.
    for (const el of document.querySelectorAll('input[type="range"][aria-label$=" — start"], input[type="range"][aria-label$=" — end"]')) {
      const label = el.getAttribute("aria-label").replace(/ — (start|end)$/, (m, end) => ` — ${c[end]}`);
      if (label !== el.getAttribute("aria-label")) el.setAttribute("aria-label", label);
    }
    for (const el of document.querySelectorAll('[aria-label="Link to heading"]')) {
      el.setAttribute("aria-label", c.anchor);
    }
    // A kiosk's era doors each say only "进入" beside their title: read "进入" and the era.
    for (const door of document.querySelectorAll('[class*="st-key-door_"]')) {
      const link = door.querySelector("a[href]");
      const title = door.querySelector("h1, h2, h3");
      if (!link || !title) continue;
      const label = link.querySelector('[data-testid="stMarkdownContainer"]') || link;
      const text = label.textContent.trim();
      const name = text.includes(title.textContent.trim()) ? "" : `${text} ${title.textContent.trim()}`;
      if (name && link.getAttribute("aria-label") !== name) link.setAttribute("aria-label", name);
    }
  };
  if (window.__hallFrame) { window.__hallFrame.cfg = cfg; apply(cfg); return; }
  const state = { cfg: cfg, pending: false, focusKey: null, focusUrl: null };
  window.__hallFrame = state;
  addEventListener("focusin", (e) => {
    const key = keyOf(e.target);
    if (key) { state.focusKey = key; state.focusUrl = location.href; }
  }, { capture: true });
  // Streamlit redraws parts of the page at any time: look again after each change, once a frame.
  new MutationObserver(() => {
    if (state.pending) return;
    state.pending = true;
    requestAnimationFrame(() => { state.pending = false; apply(state.cfg); restoreFocus(state); });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true,
    attributeFilter: ["aria-label", "lang"] });
  apply(cfg);
})();
