// preview.js — the script of the Continuity preview (DESIGN §6).
//
// Injected by CtPreview as a user script into its own script world, so
// nothing in the document can reach it; the document's own scripts never
// run (JavaScript markup is off). The app calls ctPreview.patch() with the
// changed top-level blocks only and hears back through the "ctPreview"
// message handler: {type: "ready"}, {type: "applied", seq},
// {type: "line", line}, {type: "card", id, x, y, width, height}.
//
// Each top-level Markdown block lives in a <div class="ct-block"> of
// #ct-root. Its data-sourcepos lines count from the block's own first
// line; the absolute first line of block i is lines[i], so a block that
// only moves is never touched, and a patch moves the lines after an edit
// by runs (a few numbers) rather than by writing to every block. Every
// message also carries the number of the shell load it comes from.
//
// A long post is not laid out all at once when it opens: a patch builds
// at most a slice of its new blocks and leaves the others as hidden
// placeholders (not laid out at all, so the page shows exactly the
// blocks filled so far, and costs no layout for the rest), and
// the page fills them a slice at a time, nearest the view first, each
// slice laid out before the next task (12-32 ms). A patch that arrives meanwhile
// waits for one slice, not for the whole post's first layout. Once the
// last placeholder is filled the page is what a full render makes.

'use strict';

var ctPreview = (function () {
  const root = document.getElementById('ct-root');
  const blocks = root.children;  // live: one .ct-block per top-level block
  const lines = [];              // the first source line of each block

  // For the tests: how much of the DOM each patch replaced, and how the
  // filling goes (blocks still unfilled, slices run).
  const stats = { patches: 0, replaced: 0, lastReplaced: 0, unfilled: 0, slices: 0, sliceBytes: 0,
                  maxSliceMs: 0, maxBuildMs: 0 };

  // Placeholders still to fill, each with its block's HTML.
  const unfilled = new Map();
  // A slice's work, building its blocks and laying them out, aims at a
  // target time; sliceBytes of HTML follows what the last slice took,
  // so a busy machine gets smaller slices, not longer waits. Part of a
  // layout does not depend on the slice: WebKit walks every child of
  // #ct-root laid out, ~10 ms for 13,000 blocks on the bench's machine
  // (every patch pays it too). The target is twice the cheapest such
  // part seen lately, and at least FILL_TARGET_MS, so slices are never
  // all walk; never over MAX_TARGET_MS, which bounds a patch's wait.
  const FILL_TARGET_MS = 12;
  const MAX_TARGET_MS = 32;
  const MIN_SLICE_BYTES = 16 * 1024;
  const MAX_SLICE_BYTES = 256 * 1024;
  let sliceBytes = 32 * 1024;
  let layoutFloor = 0;  // the cheapest fixed part of a slice lately
  let fillTimer = 0;
  let fillStart = 0;
  let held = false;  // the tests hold the filling to type into a partly filled page

  // Which load of the shell this is: the app ignores messages from a page
  // it has already replaced.
  const load = parseInt(document.documentElement.getAttribute('data-ct-load'), 10);

  function post (message) {
    message.load = load;
    window.webkit.messageHandlers.ctPreview.postMessage(message);
  }

  // The first line of a data-sourcepos="L1:C1-L2:C2" value and its last.
  function sourceLines (element) {
    const m = /^(\d+):\d+-(\d+):\d+$/.exec(element.getAttribute('data-sourcepos') || '');
    return m ? [parseInt(m[1], 10), parseInt(m[2], 10)] : null;
  }

  // Elements the document must not get even though it cannot run script:
  // <meta http-equiv=refresh> would navigate, <base> would redirect links.
  function sanitize (fragment) {
    for (const el of fragment.querySelectorAll('meta, base'))
      el.remove();
    // Remote frames (allowed by the user's setting) never run script nor
    // navigate the preview.
    for (const el of fragment.querySelectorAll('iframe, frame'))
      el.setAttribute('sandbox', '');
  }

  // Parsed in an inert template per block, so a stray end tag in raw
  // HTML cannot close the wrapper and shift the block indices.
  function fillInto (div, html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    sanitize(template.content);
    div.appendChild(template.content);
  }

  function makeBlock (html) {
    const div = document.createElement('div');
    div.className = 'ct-block';
    fillInto(div, html);
    return div;
  }

  function makePlaceholder (html) {
    const div = document.createElement('div');
    div.className = 'ct-block';
    div.hidden = true;
    unfilled.set(div, html);
    return div;
  }

  // Fills placeholder @div in place: the node stays, as a patched
  // page's unchanged blocks do.
  function fill (div) {
    const html = unfilled.get(div);
    unfilled.delete(div);
    runFrom = runTo = 0;
    fillInto(div, html);
    div.hidden = false;
    return html.length;
  }

  // Whether a patch of [start, start + deleteCount) lands where nothing
  // is filled yet (all it replaces, or both neighbours of an insertion,
  // are placeholders): then its blocks wait for the filling too.
  function landsUnfilled (start, deleteCount) {
    if (unfilled.size === 0)
      return false;
    const end = Math.min(start + deleteCount, blocks.length);
    if (end > start) {
      for (let i = start; i < end; i++)
        if (!unfilled.has(blocks[i]))
          return false;
      return true;
    }
    const before = start > 0 ? blocks[start - 1] : null;
    const after = start < blocks.length ? blocks[start] : null;
    return (before === null || unfilled.has(before)) && (after === null || unfilled.has(after));
  }

  // The first filled block at or after @i, or blocks.length. The last
  // run of placeholders found is kept: a search probes the same long run
  // again and again while a post fills.
  let runFrom = 0, runTo = 0;
  function nextFilled (i) {
    if (i >= runFrom && i < runTo)
      i = runTo;
    const from = i;
    while (i < blocks.length && unfilled.has(blocks[i])) {
      if (i === runFrom && runTo > runFrom) {  // the rest of this run is known
        i = runTo;
        break;
      }
      i++;
    }
    if (i > from) {
      runFrom = from;
      runTo = i;
    }
    return i;
  }

  // Where block @i starts from the top of the view; a placeholder is not
  // laid out, and lies where the next filled block starts.
  function topOf (i) {
    const j = nextFilled(i);
    return j < blocks.length ? blocks[j].getBoundingClientRect().top : root.getBoundingClientRect().bottom;
  }

  function bottomOf (i) {
    return unfilled.has(blocks[i]) ? topOf(i) : blocks[i].getBoundingClientRect().bottom;
  }

  // Index of the first block whose bottom is below the top of the view.
  function firstVisible () {
    let lo = 0, hi = blocks.length - 1, found = -1;
    runFrom = runTo = 0;  // a patch may have moved the blocks since
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (bottomOf(mid) > 0) {
        found = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return found;
  }

  // Replaces blocks [start, start + deleteCount) with htmlArray, whose
  // first lines are newLines, and moves the first lines of the blocks in
  // each [from, to, by] of shifts (indices after the patch). What is in
  // view stays where it is on the screen.
  //
  // Only an edit that starts above the top of the view can move what is
  // shown: then the first block after the patched ones is kept in place,
  // which needs the page laid out again. An edit in or below the view
  // (typing, nearly always) needs no layout here: it is applied and
  // answered at once, and the page lays it out for its next frame.
  function patch (start, deleteCount, htmlArray, newLines, shifts, seq) {
    const t0 = performance.now();
    let anchor = null, anchorTop = 0;
    runFrom = runTo = 0;

    if (window.scrollY > 0 && start < blocks.length && topOf(start) < 0) {
      const i = firstVisible();
      if (i >= start) {
        const after = nextFilled(Math.max(i, start + deleteCount));
        if (after < blocks.length) {
          anchor = blocks[after];
          anchorTop = anchor.getBoundingClientRect().top;
        }
      }
    }

    // Near the view (or on a page all filled) the first slice's worth of
    // new blocks is built now, the rest left to the filling; where only
    // placeholders are, the new blocks are placeholders too.
    const deferred = landsUnfilled(start, deleteCount);
    for (let i = 0; i < deleteCount && start < blocks.length; i++) {
      unfilled.delete(blocks[start]);
      blocks[start].remove();
    }

    const fragment = document.createDocumentFragment();
    let built = deferred ? sliceBytes : 0;
    for (const html of htmlArray) {
      if (built < sliceBytes) {
        fragment.appendChild(makeBlock(html));
        built += html.length;
      } else {
        fragment.appendChild(makePlaceholder(html));
      }
    }
    root.insertBefore(fragment, blocks[start] || null);
    runFrom = runTo = 0;

    // A spread of a whole long post's lines (the first patch) would pass
    // more arguments than a call takes.
    if (newLines.length < 1024) {
      lines.splice(start, deleteCount, ...newLines);
    } else {
      const rest = lines.slice(start + deleteCount);
      lines.length = start;
      for (const n of newLines)
        lines.push(n);
      for (const n of rest)
        lines.push(n);
    }
    for (const [from, to, by] of shifts)
      for (let i = from; i < to; i++)
        lines[i] += by;

    if (anchor !== null && anchor.isConnected) {
      const delta = anchor.getBoundingClientRect().top - anchorTop;
      if (delta !== 0)
        window.scrollBy(0, delta);
    }

    // A card whose link was just replaced points at nothing.
    if (cardFor !== null && !cardFor.isConnected)
      hideCard();

    if (marks.length > 0 || marked.length > 0)
      applyMarks();

    stats.patches++;
    stats.replaced += htmlArray.length;
    stats.lastReplaced = htmlArray.length;
    stats.unfilled = unfilled.size;
    if (unfilled.size > 0 && fillStart === 0)
      fillStart = performance.now();
    scheduleFill();
    // start: when the patch began, by the wall clock, for the app's trace
    // of where a slow answer waited; unfilled: blocks still to fill, and
    // deferred: this patch's blocks are among them (not yet on screen).
    post({ type: 'applied', seq: seq, ms: performance.now() - t0, start: performance.timeOrigin + t0,
           unfilled: unfilled.size, deferred: deferred && htmlArray.length > 0 });
    return blocks.length;
  }

  function scheduleFill () {
    if (fillTimer === 0 && !held && unfilled.size > 0)
      fillTimer = setTimeout(fillSlice, 0);
  }

  // Fills blocks from @from on (then back from @from - 1) until a slice's
  // bytes; returns the indices filled above @from, which move the view.
  function fillFrom (from, budget) {
    let bytes = 0, above = 0;
    for (let i = Math.max(from, 0); i < blocks.length && bytes < budget; i++)
      if (unfilled.has(blocks[i]))
        bytes += fill(blocks[i]);
    for (let i = Math.min(from, blocks.length) - 1; i >= 0 && bytes < budget; i--)
      if (unfilled.has(blocks[i])) {
        bytes += fill(blocks[i]);
        above++;
      }
    return above;
  }

  // One slice of the filling, between the page's other tasks (a patch
  // waits for one slice at most): blocks from the first in view down,
  // then up from it, the view kept where it is when blocks above it
  // fill. Laid out here, so the slice's cost is measured and the next
  // frame has no long layout left to do.
  function fillSlice () {
    fillTimer = 0;
    if (held || unfilled.size === 0)
      return;
    const t0 = performance.now();
    const origin = firstVisible();
    const shown = origin >= 0 ? nextFilled(origin) : blocks.length;
    const anchor = window.scrollY > 0 && shown < blocks.length ? blocks[shown] : null;
    const anchorTop = anchor !== null ? anchor.getBoundingClientRect().top : 0;
    const found = performance.now() - t0;

    const above = fillFrom(origin < 0 ? 0 : origin, sliceBytes);
    const t1 = performance.now();
    if (anchor !== null && above > 0) {
      const delta = anchor.getBoundingClientRect().top - anchorTop;
      if (delta !== 0)
        window.scrollBy(0, delta);
    } else {
      void root.offsetHeight;
    }
    if (marks.length > 0)
      applyMarks();

    const ms = performance.now() - t0;
    // What did not depend on the slice's size: finding the view, and (at
    // most) the layout.
    const fixed = found + performance.now() - t1;
    layoutFloor = stats.slices === 0 ? fixed : Math.min(fixed, layoutFloor + 1);
    const target = Math.min(MAX_TARGET_MS, Math.max(FILL_TARGET_MS, 2 * layoutFloor));
    const scale = Math.max(0.5, Math.min(1.5, target / Math.max(ms, 0.5)));
    sliceBytes = Math.round(Math.max(MIN_SLICE_BYTES, Math.min(MAX_SLICE_BYTES, sliceBytes * scale)));
    stats.slices++;
    stats.sliceBytes = sliceBytes;
    stats.maxSliceMs = Math.max(stats.maxSliceMs, ms);
    stats.maxBuildMs = Math.max(stats.maxBuildMs, t1 - t0);
    stats.unfilled = unfilled.size;
    if (unfilled.size === 0) {
      post({ type: 'filled', ms: performance.now() - fillStart, slices: stats.slices });
      fillStart = 0;
    }
    scheduleFill();
  }

  // What needs the page's layout where it is not filled yet (a scroll
  // target, an anchor) fills there first, at once.
  function fillAround (i) {
    if (unfilled.size > 0 && i >= 0 && i < blocks.length && unfilled.has(blocks[i])) {
      fillFrom(i, sliceBytes);
      stats.unfilled = unfilled.size;
      if (marks.length > 0)
        applyMarks();
      scheduleFill();
    }
  }

  function fillAll () {
    for (const div of Array.from(unfilled.keys()))
      fill(div);
    stats.unfilled = 0;
    if (marks.length > 0)
      applyMarks();
  }

  // For the tests: holds the filling (or lets it go on), so keys can be
  // typed into a page that is only partly filled whatever the machine.
  function holdFill (hold) {
    held = hold;
    if (!held)
      scheduleFill();
    return unfilled.size;
  }

  // Prose the wiki contradicts: the block each warning is in gets a mark
  // with the warning's words, put back after every patch (a patched block
  // is a new element).
  let marks = [];
  let marked = [];

  // The index of the last block starting at or before @line, or -1.
  function indexAtLine (line) {
    let lo = 0, hi = blocks.length - 1;
    if (hi < 0 || lines[0] > line)
      return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid] <= line)
        lo = mid;
      else
        hi = mid - 1;
    }
    return lo;
  }

  // A placeholder gets its mark once filled (the slice puts marks back).
  function blockAtLine (line) {
    const i = indexAtLine(line);
    return i < 0 || unfilled.has(blocks[i]) ? null : blocks[i];
  }

  function applyMarks () {
    for (const block of marked) {
      block.classList.remove('ct-marked');
      const badge = block.querySelector(':scope > .ct-prose-mark');
      if (badge !== null)
        badge.remove();
    }
    marked = [];
    for (const mark of marks) {
      const block = blockAtLine(mark.line);
      if (block === null)
        continue;
      let badge = block.querySelector(':scope > .ct-prose-mark');
      if (badge === null) {
        badge = document.createElement('span');
        badge.className = 'ct-prose-mark';
        badge.setAttribute('role', 'note');
        badge.textContent = '\u26a0';
        block.insertBefore(badge, block.firstChild);
        block.classList.add('ct-marked');
        marked.push(block);
      }
      const words = badge.title ? badge.title + '\n' + mark.message : mark.message;
      badge.title = words;
      badge.setAttribute('aria-label', words);
    }
  }

  function setMarks (list) {
    marks = list;
    applyMarks();
  }

  function blockOf (node) {
    while (node !== null && node.parentNode !== root)
      node = node.parentNode;
    return node;
  }

  // The first source line of block @i (for the tests, which compare the
  // page with a full render).
  function blockLine (i) {
    return lines[i];
  }

  // The 1-based source line an element was rendered from, or 0.
  function lineOf (element) {
    const block = blockOf(element);
    const i = block === null ? -1 : Array.prototype.indexOf.call(blocks, block);
    if (i < 0 || lines[i] === undefined)
      return 0;
    const source = element.closest('[data-sourcepos]');
    const within = source !== null && block.contains(source) ? sourceLines(source) : null;
    return within ? lines[i] + within[0] - 1 : lines[i];
  }

  // The document y of source line @line: the innermost element rendered
  // from it (a list item, a paragraph in a quote …), interpolated by how
  // far @line is into that element's lines.
  function offsetOfLine (line) {
    if (blocks.length === 0)
      return 0;

    const lo = Math.max(indexAtLine(line), 0);
    fillAround(lo);
    const block = blocks[lo];
    const base = lines[lo];
    let target = block;
    let first = base;
    let last = lo + 1 < blocks.length ? lines[lo + 1] - 1 : Infinity;

    if (line >= base) {
      for (const el of block.querySelectorAll('[data-sourcepos]')) {
        const span = sourceLines(el);
        if (span === null)
          continue;
        const s = base + span[0] - 1, e = base + span[1] - 1;
        // Document order puts inner elements after outer ones: the last
        // match starting latest is the innermost.
        if (s <= line && line <= e && s >= first && el.getClientRects().length > 0) {
          target = el;
          first = s;
          last = e;
        }
      }
    }

    const rect = target.getBoundingClientRect();
    let y = rect.top + window.scrollY;
    if (line > first && isFinite(last) && last > first)
      y += rect.height * Math.min(1, (line - first) / (last - first + 1));
    return Math.round(y);
  }

  // While the page fills, without animation: blocks filled above the
  // view move it, which would cut a smooth scroll short.
  function scrollToLine (line, smooth) {
    const top = offsetOfLine(line);
    window.scrollTo({ top: top, behavior: smooth && unfilled.size === 0 ? 'smooth' : 'instant' });
  }

  function setDark (dark) {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.classList.toggle('light', !dark);
  }

  function setBase (uri) {
    let base = document.querySelector('head > base');
    if (base === null) {
      base = document.createElement('base');
      document.head.appendChild(base);
    }
    base.href = uri;
  }

  document.addEventListener('click', function (event) {
    if (event.button !== 0)
      return;
    const link = event.target.closest('a[href]');
    if (link !== null) {
      // In-page anchors scroll here; every other link is the app's
      // navigation policy's business.
      const href = link.getAttribute('href');
      if (href.length > 1 && href[0] === '#') {
        event.preventDefault();
        const id = decodeURIComponent(href.slice(1));
        if (document.getElementById(id) === null && unfilled.size > 0)
          fillAll();  // the anchor may be in a block not filled yet
        const target = document.getElementById(id);
        if (target !== null)
          target.scrollIntoView({ behavior: 'smooth' });
      }
      return;
    }
    const selection = window.getSelection();
    if (selection !== null && !selection.isCollapsed)
      return;  // the user selected text rather than pointed at a block
    const line = lineOf(event.target);
    if (line > 0)
      post({ type: 'line', line: line });
  });

  // Hover cards: pointing at a resolved reference for a moment asks the
  // app for the entity's card (escaped HTML rendered by core), shown
  // below the link until the pointer leaves both.
  let card = null, cardFor = null, hoverTimer = 0, hideTimer = 0;

  // The card says more than the link's title tooltip, which would show
  // first and then cover it: the title is set aside while pointed at.
  let untitled = null;

  function setAsideTitle (link) {
    restoreTitle();
    if (link.hasAttribute('title')) {
      link.dataset.ctTitle = link.getAttribute('title');
      link.removeAttribute('title');
      untitled = link;
    }
  }

  function restoreTitle () {
    if (untitled !== null && untitled.dataset.ctTitle !== undefined) {
      untitled.setAttribute('title', untitled.dataset.ctTitle);
      delete untitled.dataset.ctTitle;
    }
    untitled = null;
  }

  function hideCard () {
    clearTimeout(hideTimer);
    restoreTitle();
    if (card !== null)
      card.remove();
    card = null;
    cardFor = null;
  }

  function scheduleHide () {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideCard, 300);
  }

  function refOf (node) {
    return node instanceof Element ? node.closest('a.ct-ref[data-entity-id]') : null;
  }

  document.addEventListener('mouseover', function (event) {
    if (card !== null && card.contains(event.target)) {
      clearTimeout(hideTimer);
      return;
    }
    const link = refOf(event.target);
    clearTimeout(hoverTimer);
    if (link === null) {
      if (card !== null)
        scheduleHide();
      else
        restoreTitle();
      return;
    }
    clearTimeout(hideTimer);
    if (link === cardFor)
      return;
    setAsideTitle(link);
    hoverTimer = setTimeout(function () {
      const r = link.getBoundingClientRect();
      cardFor = link;
      post({ type: 'card', id: parseInt(link.getAttribute('data-entity-id'), 10),
             x: Math.round(r.left), y: Math.round(r.top),
             width: Math.round(r.width), height: Math.round(r.height) });
    }, 250);
  });

  // The pointer left the page (to the editor, another window): nothing
  // inside gets a mouseover to hide the card.
  document.documentElement.addEventListener('mouseleave', function () {
    clearTimeout(hoverTimer);
    if (card !== null) {
      scheduleHide();
    } else {
      cardFor = null;
      restoreTitle();
    }
  });

  // The card the app sent for the link pointed at (if still pointed at).
  function showCard (id, html) {
    if (cardFor === null || parseInt(cardFor.getAttribute('data-entity-id'), 10) !== id)
      return false;
    const link = cardFor;
    if (card !== null)
      card.remove();
    const template = document.createElement('template');
    template.innerHTML = html;
    sanitize(template.content);
    card = document.createElement('div');
    card.id = 'ct-card';
    card.appendChild(template.content);
    document.body.appendChild(card);
    const r = link.getBoundingClientRect();
    const width = card.offsetWidth;
    let left = r.left + window.scrollX;
    left = Math.max(window.scrollX + 8, Math.min(left, window.scrollX + window.innerWidth - width - 8));
    let top = r.bottom + window.scrollY + 4;
    if (r.bottom + card.offsetHeight + 8 > window.innerHeight && r.top > card.offsetHeight + 8)
      top = r.top + window.scrollY - card.offsetHeight - 4;
    card.style.left = left + 'px';
    card.style.top = top + 'px';
    return true;
  }

  function cardText () {
    return card === null ? null : card.textContent;
  }

  post({ type: 'ready' });

  return { patch, blockLine, scrollToLine, offsetOfLine, lineOf, setDark, setBase, setMarks, showCard, hideCard, cardText,
           holdFill, stats };
})();
