// The frame's page-level fixes, installed once per page load and updated on every run (CFG is
// filled in by Python): the page's language and title, and the hall's own words for the few
// strings Streamlit writes in English (the skip link, heading anchors, help buttons).
(() => {
  const cfg = CFG;
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
    for (const el of document.querySelectorAll('[aria-label="Link to heading"]')) {
      el.setAttribute("aria-label", c.anchor);
    }
  };
  if (window.__hallFrame) { window.__hallFrame.cfg = cfg; apply(cfg); return; }
  const state = { cfg: cfg, pending: false };
  window.__hallFrame = state;
  // Streamlit redraws parts of the page at any time: look again after each change, once a frame.
  new MutationObserver(() => {
    if (state.pending) return;
    state.pending = true;
    requestAnimationFrame(() => { state.pending = false; apply(state.cfg); });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true,
    attributeFilter: ["aria-label", "lang"] });
  apply(cfg);
})();
