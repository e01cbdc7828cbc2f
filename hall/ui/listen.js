// 听讲解: one read-aloud control (CFG is filled in by Python). A tap plays the pack's recording,
// or reads the page's text with the device's own voice, or — when the device has no voice for
// the language — plays the audio rendered offline. Nothing plays without a tap, and everything
// stops when the control leaves the page (another room, another page, the tab hidden).
(() => {
  const cfg = CFG;
  const script = document.currentScript;
  const root = script.parentElement;
  const button = root.querySelector("button.hall-listen");
  const status = root.querySelector(".hall-listen-status");
  const box = script.closest("." + cfg.box) || root;
  const synth = window.speechSynthesis;
  const media = () => box.querySelector("audio");
  let speaking = false;

  const show = (on, message) => {
    button.toggleAttribute("data-on", on);
    button.textContent = on ? cfg.labels.stop : cfg.labels.listen;
    button.setAttribute("aria-label", on ? cfg.labels.stop_named : cfg.labels.listen_named);
    status.textContent = message || "";
  };
  const stop = () => {
    if (speaking && synth) synth.cancel();
    speaking = false;
    const a = media();
    if (a && !a.paused) a.pause();
    show(false);
  };
  // Chrome reads long utterances unreliably: a sentence or a few at a time, queued.
  const chunks = (text) => {
    const out = [];
    for (const piece of text.match(/[^。！？；!?;\n]+[。！？；!?;\n]*|[。！？；!?;\n]+/g) || []) {
      if (out.length && (out[out.length - 1] + piece).length <= 160) out[out.length - 1] += piece;
      else if (piece.trim()) out.push(piece);
    }
    return out;
  };
  const tags = { zh: ["zh-cn", "zh-hans", "cmn", "zh"], en: ["en-gb", "en-us", "en"] };
  const voiceFor = (lang) => {
    const voices = synth ? synth.getVoices() : [];
    for (const tag of tags[lang]) {
      const found = voices.find((v) => (v.lang || "").replace("_", "-").toLowerCase().startsWith(tag));
      if (found) return found;
    }
    return null;
  };
  // Voices arrive a moment after the page in Chrome: wait for them briefly (the tap still counts).
  const voicesReady = () => new Promise((done) => {
    if (!synth || synth.getVoices().length) return done();
    const timer = setTimeout(done, 800);
    synth.addEventListener("voiceschanged", () => { clearTimeout(timer); done(); }, { once: true });
  });
  const play = (a) => {
    box.querySelector("." + cfg.offline)?.setAttribute("data-hall-shown", "1");
    a.play().catch(() => show(false));
  };
  // The player's own buttons work too: media events do not bubble, but they can be caught.
  box.addEventListener("play", () => show(true, cfg.labels.playing), true);
  box.addEventListener("pause", () => show(false), true);
  const speak = async () => {
    await voicesReady();
    const own = voiceFor(cfg.lang);
    if (!own) {
      const a = media();
      if (a) return play(a);  // the offline rendering, when the kiosk has one
      return show(false, cfg.labels.none);
    }
    synth.cancel();
    const queue = [];
    for (const p of cfg.passages) {
      const voice = p.lang === cfg.lang ? own : voiceFor(p.lang);
      if (!voice) continue;  // Chinese deeds on an English page, on a device without Chinese
      for (const text of chunks(p.text)) {
        const u = new SpeechSynthesisUtterance(text);
        u.lang = voice.lang;
        u.voice = voice;
        queue.push(u);
      }
    }
    if (!queue.length) return show(false, cfg.labels.none);
    const last = queue[queue.length - 1];
    last.onend = last.onerror = () => { if (speaking) { speaking = false; show(false); } };
    speaking = true;
    show(true, cfg.labels.playing);
    for (const u of queue) synth.speak(u);
  };
  button.addEventListener("click", () => {
    const a = media();
    if (speaking || (a && !a.paused)) return stop();
    if (cfg.recording && a) return play(a);
    speak();
  });
  const hidden = () => { if (document.hidden) stop(); };
  addEventListener("pagehide", stop);
  document.addEventListener("visibilitychange", hidden);
  // Streamlit moves to another room without unloading the page: the control leaves the DOM.
  const watch = setInterval(() => {
    if (button.isConnected) {
      if (speaking && synth && !synth.speaking && !synth.pending) { speaking = false; show(false); }
      return;
    }
    clearInterval(watch);
    stop();
    removeEventListener("pagehide", stop);
    document.removeEventListener("visibilitychange", hidden);
  }, 300);
  show(false);
})();
