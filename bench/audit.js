// What a class would trip over in the open page, found in the browser (bench/audit.py).
// Argument: {giveaways: [English words that must not show on a Spanish page], minFont: px for
// controls' text (0: not checked)}. Returns lists of short descriptions, one list per kind.
({ giveaways, minFont }) => {
  const main = document.querySelector('[data-testid=stMain]');
  const found = { cut: [], scrolls: [], truncated: [], small: [], english: [], missing: [], negative_zero: [] };
  const seen = new Set();
  const add = (kind, el, text) => {
    const shown = (text || el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 70);
    const id = kind + '|' + shown;
    if (!seen.has(id)) { seen.add(id); found[kind].push(shown || el.tagName.toLowerCase()); }
  };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  // Drawn by a canvas or an SVG engine of their own: text there is not the page's to lay out.
  const foreign = (el) => el.closest('.js-plotly-plot, [data-testid=stDataFrame], [data-testid=stGraphVizChart], iframe');

  // 1. Content cut off: a box that hides what overflows it while its content is wider
  //    (a box that scrolls is fine: the rest can be scrolled to), and text cut by an ellipsis.
  for (const el of document.querySelectorAll('[data-testid=stMain] *, [data-testid=stSidebar] *')) {
    if (!visible(el) || foreign(el)) continue;
    const style = getComputedStyle(el);
    const wider = el.scrollWidth > el.clientWidth + 1;
    if (!wider) continue;
    if (style.textOverflow === 'ellipsis') { add('truncated', el); continue; }
    if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && (el.innerText || '').trim()) {
      // Only when what sticks out is text or a formula (not an invisible helper element).
      const box = el.getBoundingClientRect();
      const out = [...el.querySelectorAll('.katex, p, span, td, th, div')].some((child) => {
        const r = child.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1) && (child.innerText || '').trim();
      });
      if (out) add('cut', el);
    }
  }
  // A formula wider than its column with nothing to scroll it.
  for (const formula of main.querySelectorAll('.katex-display')) {
    if (!visible(formula)) continue;
    const inner = formula.querySelector('.katex');
    const column = formula.closest('[data-testid=stColumn]') || formula.closest('[data-testid=stVerticalBlock]');
    const style = getComputedStyle(formula);
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const right = inner && Math.min(formula.getBoundingClientRect().right, column ? column.getBoundingClientRect().right : Infinity);
    if (inner && inner.getBoundingClientRect().right > right + 1) {
      // Readable by scrolling its box (allowed), or cut.
      add(scrolls ? 'scrolls' : 'cut', formula, 'formula: ' + (formula.querySelector('annotation') || formula).textContent);
    }
  }

  // A chart's label (title, annotation, tick) that sticks out of the chart's drawing area.
  for (const chart of main.querySelectorAll('.js-plotly-plot')) {
    const svg = chart.querySelector('.main-svg');
    if (!svg || !visible(chart)) continue;
    const box = svg.getBoundingClientRect();
    for (const label of chart.querySelectorAll('svg text')) {
      const r = label.getBoundingClientRect();
      if (!r.width || !label.textContent.trim()) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        add('cut', label, 'chart label: ' + label.textContent);
      }
    }
  }

  // 2. Controls whose text stays small (presentation mode).
  if (minFont) {
    const controls = main.querySelectorAll(
      'input, textarea, button p, button span, [data-testid=stSliderThumbValue], ' +
      '[data-testid=stSliderTickBarMin], [data-testid=stSliderTickBarMax], ' +
      '[data-baseweb=select] [value], [data-baseweb=select] div[aria-selected], [role=tab] p, ' +
      '[data-testid=stWidgetLabel] p, [data-testid=stTable] td, [data-testid=stTable] th');
    for (const el of controls) {
      if (!visible(el) || foreign(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      // 0 px: hidden text (a translated uploader's own words replace Streamlit's).
      if (size > 0 && size < minFont) add('small', el, `${el.value || el.innerText || el.tagName} (${size}px)`);
    }
  }

  // 3. Text a reader sees: English words on a Spanish page, raw None/NaN, negative zeros.
  // Not prose: formulas, code, the chart toolbar and icon names ("upload" is an icon's).
  const skip = '.katex, code, pre, script, style, .modebar, [data-testid=stCode], [data-testid=stIconMaterial]';
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  // Lower-case or capitalised ("Upload"), not capitals: "AND" and "OR" are gate names.
  const cased = giveaways.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]);
  const words = giveaways.length ? new RegExp('(^|[^\\p{L}])(' + cased.join('|') + ')(?![\\p{L}])', 'u') : null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(skip)) continue;
    const style = getComputedStyle(el);  // text a reader cannot see is not read
    if (!visible(el) || parseFloat(style.fontSize) === 0 || style.visibility === 'hidden') continue;
    const text = node.textContent.trim();
    if (!text) continue;
    if (/^(None|NaN|nan|null|undefined|<NA>)$/.test(text)) add('missing', el, text);
    if (/(^|[^\w.,])[−-]0(?![\w.,])/.test(text)) add('negative_zero', el, text);
    if (words) {
      const match = text.match(words);
      if (match) add('english', el, `${match[2]}: ${text}`);
    }
  }
  for (const input of main.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    const match = words && input.placeholder.match(words);
    if (match) add('english', input, `${match[2]}: ${input.placeholder}`);
  }
  return found;
}
