// Kiosk guard, installed once per page load: idle countdown to the attract screen, no
// context menu or text selection, and no link that leaves the hall. CFG is filled in by Python.
(() => {
  const cfg = CFG;
  if (window.__hallKiosk) { window.__hallKiosk.cfg = cfg; return; }
  const state = { last: Date.now(), cfg: cfg, overlay: null };
  window.__hallKiosk = state;
  const hide = () => { if (state.overlay) { state.overlay.remove(); state.overlay = null; } };
  const touched = () => { state.last = Date.now(); hide(); };
  for (const name of ["pointerdown", "touchstart", "keydown", "wheel", "scroll"]) {
    addEventListener(name, touched, { capture: true, passive: true });
  }
  for (const name of ["contextmenu", "selectstart", "dragstart"]) {
    addEventListener(name, (e) => e.preventDefault(), { capture: true });
  }
  addEventListener("click", (e) => {
    const link = e.target.closest ? e.target.closest("a[href]") : null;
    if (link && new URL(link.href, location.href).host !== location.host) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, { capture: true });
  window.open = () => null;
  const onAttract = () => location.pathname.replace(/\/+$/, "").endsWith("/attract");
  const show = (seconds) => {
    if (!state.overlay) {
      state.overlay = document.createElement("div");
      state.overlay.id = "hall-still-there";
      state.overlay.setAttribute("role", "alertdialog");
      document.body.appendChild(state.overlay);
    }
    state.overlay.textContent = state.cfg.message.replace("{n}", String(seconds));
  };
  setInterval(() => {
    if (onAttract() || state.cfg.idle <= 0) { hide(); return; }
    const playing = [...document.querySelectorAll("video, audio")].some((v) => !v.paused && !v.ended)
      || Boolean(window.speechSynthesis && speechSynthesis.speaking);  // 听讲解 reading aloud
    if (playing) { state.last = Date.now(); return; }
    const extras = [...document.querySelectorAll("[data-hall-extra]")].map((el) => Number(el.dataset.hallExtra) || 0);
    // Asked after `idle` (plus any reading time) without a touch; reset `warn` seconds later.
    const ask = (state.cfg.idle + Math.max(0, ...extras)) * 1000;
    const limit = ask + state.cfg.warn * 1000;
    const idle = Date.now() - state.last;
    if (idle >= limit) { location.assign(state.cfg.attract); }
    else if (idle >= ask) { show(Math.ceil((limit - idle) / 1000)); }
  }, 250);
})();
