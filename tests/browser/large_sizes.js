// The 长辈版's sizes, measured (test_accessibility.py): text below the body or heading size, a
// paragraph's line height under its share, a control smaller than a fingertip. One line each.
(([bodyPx, headingPx, targetPx, lineHeight]) => {
  const main = document.querySelector('[data-testid="stApp"]');
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const problems = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const skip = "svg, canvas, script, style, [aria-hidden='true'], .js-plotly-plot";
    if (!node.data.trim() || !el || el.closest(skip)) continue;
    if (!seen(el)) continue;
    const s = getComputedStyle(el);
    const px = parseFloat(s.fontSize);
    const heading = el.closest("h1, h2, h3, h4, h5, h6");
    const least = heading ? headingPx : bodyPx;
    if (px < least - 0.5) problems.push(`text ${px}px < ${least}: ${node.data.trim().slice(0, 30)}`);
    const block = el.closest("p, li");
    if (block) {
      const style = getComputedStyle(block);
      const bpx = parseFloat(style.fontSize);
      if (!(parseFloat(style.lineHeight) >= lineHeight * bpx - 0.5)) {
        problems.push(`line height ${style.lineHeight} at ${bpx}px: ${block.textContent.trim().slice(0, 30)}`);
      }
    }
  }
  for (const el of main.querySelectorAll('button, a[href], input, summary, [role="slider"], [role="tab"]')) {
    if (!seen(el) || el.closest(".js-plotly-plot, [data-testid='stSkipToContent']")) continue;
    // A link inside a sentence (a source's title) is sized by its text: WCAG 2.5.8's inline case.
    if (el.matches("a") && getComputedStyle(el).display === "inline" && el.closest("p, li")) continue;
    // A tick box is pressed anywhere on its label: the label is the target.
    // A slider's range input sits hidden in its thumb: the thumb is the target.
    const box = el.matches('input[type="checkbox"], input[type="radio"]') ? el.closest("label") || el
      : el.matches('input[type="range"]') ? el.parentElement.parentElement : el;
    const r = box.getBoundingClientRect();
    if (r.width < targetPx - 0.5 || r.height < targetPx - 0.5)
    {
      const name = (el.innerText || el.getAttribute("aria-label") || el.outerHTML).trim().slice(0, 80);
      problems.push(`target ${Math.round(r.width)}x${Math.round(r.height)}: ${name}`);
    }
  }
  return [...new Set(problems)];
})
