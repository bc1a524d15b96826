// search.js: the site's search page. Plain script, no framework, no request
// outside the site. It reads ?q=, loads the index shards the query needs
// (search/meta.json, then search/t/<n>.json and search/d/<n>.json,
// relative to <html data-base>), ranks the documents (internal/search's
// tests keep a Go copy of the ranker and compare) and shows the results in
// #search-results. Folding and tokenising repeat Go's
// search.Fold and search.Tokenize rule for rule; the Go tests run both on
// the same tables in Chromium and compare.
(function () {
  "use strict";

  // ---- folding (search.Fold) ----

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đð]/g, "d").normalize("NFC");
  }

  function lowerExact(s) {
    return s.toLowerCase().normalize("NFC");
  }

  function stripZeros(s) {
    if (!/^[0-9]+$/.test(s)) return s;
    return s.replace(/^0+/, "") || "0";
  }

  function foldWord(s) {
    return stripZeros(fold(s));
  }

  function runeLen(s) {
    return Array.from(s).length;
  }

  // ---- tokenising (search.Tokenize) ----

  const MAX_TOKEN_RUNES = 48;
  const WORD_RUNE = /^[\p{L}\p{M}\p{N}]$/u;

  function isJoiner(c) {
    return c === "/" || c === "-" || c === "." || c === "&";
  }

  function isWordRune(c) {
    return WORD_RUNE.test(c);
  }

  function isChunkRune(c) {
    return isWordRune(c) || isJoiner(c);
  }

  function isSpace(c) {
    const r = c.codePointAt(0);
    switch (r) {
      case 0x20: case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d:
      case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f:
      case 0x205f: case 0x3000: case 0xfeff:
        return true;
    }
    return r >= 0x2000 && r <= 0x200b;
  }

  function prepare(s) {
    const src = Array.from(s.normalize("NFC")).map(function (c) {
      const r = c.codePointAt(0);
      if ((r >= 0x2010 && r <= 0x2015) || r === 0x2212 || r === 0xfe58 || r === 0xfe63 || r === 0xff0d) return "-";
      if (r === 0xff0f) return "/";
      return c;
    });
    const out = [];
    for (let i = 0; i < src.length;) {
      if (!isSpace(src[i])) {
        out.push(src[i]);
        i++;
        continue;
      }
      let j = i;
      while (j < src.length && isSpace(src[j])) j++;
      const prev = out.length > 0 ? out[out.length - 1] : "";
      const prevJoin = prev === "/" || prev === "-";
      const nextJoin = j < src.length && (src[j] === "/" || src[j] === "-");
      if (!prevJoin && !nextJoin) out.push(" ");
      i = j;
    }
    return out;
  }

  // splitRunes splits s at runs of characters for which sep is true.
  function splitRunes(s, sep) {
    const parts = [];
    let cur = "";
    for (const c of s) {
      if (sep(c)) {
        if (cur !== "") parts.push(cur);
        cur = "";
      } else {
        cur += c;
      }
    }
    if (cur !== "") parts.push(cur);
    return parts;
  }

  function idKey(s) {
    const f = fold(s).split("&").join("");
    if (f.indexOf("/") >= 0) {
      const groups = f.split("/");
      if (/^so[0-9]/.test(groups[0])) groups[0] = groups[0].slice(2);
      return groups.map(function (g) { return stripZeros(g.split("-").join("")); }).join("/");
    }
    return f.split("-").map(stripZeros).join("-");
  }

  function appendWord(toks, w, kind) {
    const key = foldWord(w);
    if (key === "" || runeLen(key) > MAX_TOKEN_RUNES) return;
    toks.push({ key: key, exact: lowerExact(w), kind: kind });
  }

  function appendChunk(toks, chunk) {
    let a = 0;
    let b = chunk.length;
    while (a < b && isJoiner(chunk[a])) a++;
    while (b > a && isJoiner(chunk[b - 1])) b--;
    if (a === b) return;
    chunk = chunk.slice(a, b);
    let hasDigit = false;
    let hasJoiner = false;
    for (const c of chunk) {
      if (c >= "0" && c <= "9") hasDigit = true;
      if (isJoiner(c)) hasJoiner = true;
    }
    const text = chunk.join("");
    if (!hasDigit || !hasJoiner) {
      for (const w of splitRunes(text, isJoiner)) appendWord(toks, w, "word");
      return;
    }
    const key = idKey(text);
    if (key === "" || runeLen(key) > MAX_TOKEN_RUNES) return;
    toks.push({ key: key, exact: lowerExact(text), kind: "id" });
    const parts = splitRunes(text, function (c) { return c === "/" || c === "-" || c === "&"; });
    if (parts.length >= 2) {
      for (const p of parts) appendWord(toks, p, "part");
    }
  }

  function tokenize(s) {
    const rs = prepare(s);
    const toks = [];
    for (let i = 0; i < rs.length;) {
      if (!isChunkRune(rs[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < rs.length && isChunkRune(rs[j])) j++;
      appendChunk(toks, rs.slice(i, j));
      i = j;
    }
    return toks;
  }

  // ---- queries (search.parseQuery) ----

  const MAX_TERMS = 12;

  function parseQuery(q) {
    const toks = tokenize(q);
    const terms = [];
    const seen = new Set();
    let owner = -1;
    for (const t of toks) {
      if (t.kind === "part") {
        if (owner >= 0) terms[owner].parts.push({ key: t.key, exact: t.exact, word: true, parts: [] });
        continue;
      }
      owner = -1;
      if (seen.has(t.key) || terms.length === MAX_TERMS) continue;
      seen.add(t.key);
      terms.push({ key: t.key, exact: t.exact, word: t.kind === "word", parts: [] });
      if (t.kind === "id") owner = terms.length - 1;
    }
    const keys = toks.filter(function (t) { return t.kind !== "part"; }).map(function (t) { return t.key; });
    const bigrams = [];
    const seenB = new Set();
    for (let i = 0; i + 1 < keys.length && bigrams.length < MAX_TERMS; i++) {
      const b = keys[i] + " " + keys[i + 1];
      if (!seenB.has(b)) {
        seenB.add(b);
        bigrams.push(b);
      }
    }
    return { terms: terms, bigrams: bigrams };
  }

  // ---- the index ----

  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  function siteBase() {
    const b = document.documentElement.getAttribute("data-base");
    if (b !== null) return b;
    const s = document.currentScript && document.currentScript.src;
    return s ? s.replace(/static\/search\.js(\?.*)?$/, "") : "/";
  }

  const BASE = siteBase();
  const cache = new Map();
  let metaPromise = null;

  function fetchJSON(path, fresh) {
    const url = new URL(BASE + path, location.href).href;
    return fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.json();
    });
  }

  function loadMeta() {
    if (!metaPromise) {
      metaPromise = fetchJSON("search/meta.json", true).then(function (m) {
        if (m.v !== 3) throw new Error("search/meta.json: unknown version");
        return m;
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  function loadShard(meta, dir, i) {
    const path = "search/" + dir + "/" + i + ".json?h=" + encodeURIComponent(meta.h);
    let p = cache.get(path);
    if (!p) {
      p = fetchJSON(path, false).then(function (sh) {
        if (dir === "t") {
          sh.at = new Map();
          sh.k.forEach(function (k, j) { sh.at.set(k, j); });
          sh.dec = new Array(sh.k.length);
        }
        return sh;
      });
      cache.set(path, p);
      p.catch(function () { cache.delete(path); });
    }
    return p;
  }

  // upper returns the number of elements of sorted a that are <= x.
  function upper(a, x) {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] <= x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function termShardOf(meta, key) {
    return upper(meta.tk, key) - 1;
  }

  // Postings (see internal/search/postings.go): base64url characters of
  // five bits each, bit 32 meaning "more follows"; records of gap,
  // mask + 32 * run[, variants]. decode expands them into document,
  // mask[, variants].
  const B64VAL = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) B64VAL[B64.charCodeAt(i)] = i;

  function decode(s, stride, n) {
    const out = [];
    let i = 0;
    function next() {
      let x = 0;
      let shift = 0;
      for (;;) {
        if (i === s.length || shift > 30) throw new Error("postings cut short");
        const c = s.charCodeAt(i++);
        const v = c < 128 ? B64VAL[c] : -1;
        if (v < 0) throw new Error("postings not in the alphabet");
        x += (v & 31) * Math.pow(2, shift);
        shift += 5;
        if ((v & 32) === 0) return x;
      }
    }
    let prev = -1;
    while (i < s.length) {
      const gap = next();
      const maskRun = next();
      const vars = stride === 3 ? next() : 0;
      const mask = maskRun % 32;
      const run = Math.floor(maskRun / 32);
      const doc = prev + 1 + gap;
      if (doc + run >= n) throw new Error("postings beyond the last document");
      for (let d = doc; d <= doc + run; d++) {
        out.push(d, mask);
        if (stride === 3) out.push(vars);
      }
      prev = doc + run;
    }
    return Int32Array.from(out);
  }

  // loadKeys loads the shards of keys and returns a lookup function.
  function loadKeys(meta, keys) {
    const wanted = new Set();
    for (const k of keys) {
      const i = termShardOf(meta, k);
      if (i >= 0) wanted.add(i);
    }
    const shards = new Map();
    return Promise.all(Array.from(wanted).map(function (i) {
      return loadShard(meta, "t", i).then(function (sh) { shards.set(i, sh); });
    })).then(function () {
      return function (key) {
        const sh = shards.get(termShardOf(meta, key));
        if (!sh || !sh.at.has(key)) return null;
        const j = sh.at.get(key);
        const v = sh.v[j];
        const stride = v.length > 1 ? 3 : 2;
        if (!sh.dec[j]) sh.dec[j] = decode(sh.p[j], stride, meta.n);
        return { variants: v, ints: sh.dec[j], stride: stride };
      };
    });
  }

  // ---- ranking (its Go copy: Index.Search in internal/search/ranker_test.go) ----

  const W_CODE = 40, W_TITLE = 24, W_FIELDS = 8, W_BODY = 4, W_BODY_MANY = 2;
  const FOLDED_DIVISOR = 8, PHRASE_FACTOR = 6, COVERAGE_BONUS = 64;

  function fieldWeight(mask) {
    let w = 0;
    if (mask & 1) w = W_CODE;
    else if (mask & 2) w = W_TITLE;
    else if (mask & 4) w = W_FIELDS;
    else if (mask & 8) w = W_BODY;
    if (mask & 16) w += W_BODY_MANY;
    return w;
  }

  function rank(meta, pq, lookup) {
    const required = [];
    const entries = [];
    const have = new Set();
    function add(t, e) {
      if (have.has(t.key)) return;
      have.add(t.key);
      required.push(t);
      entries.push(e);
    }
    for (const t of pq.terms) {
      const e = lookup(t.key);
      if (e || t.parts.length === 0) {
        add(t, e);
        continue;
      }
      for (const p of t.parts) add(p, lookup(p.key));
    }
    required.length = Math.min(required.length, 32);

    const n = meta.n;
    const score = new Int32Array(n);
    const count = new Uint8Array(n);
    const matched = new Uint32Array(n);
    const titleHits = new Uint8Array(n);
    const touched = [];
    required.forEach(function (t, ti) {
      const e = entries[ti];
      if (!e || n === 0) return;
      const ints = e.ints;
      const stride = e.stride;
      const df = ints.length / stride;
      const idf = 4 + Math.floor(8 * (n - df) / n);
      const diacritic = t.word && t.exact !== t.key;
      const vidx = e.variants.indexOf(t.exact);
      for (let i = 0; i + stride <= ints.length; i += stride) {
        const doc = ints[i];
        const mask = ints[i + 1];
        let s = fieldWeight(mask) * idf;
        if (diacritic) {
          let exact = e.variants.length === 1 && vidx === 0;
          if (stride === 3) exact = vidx >= 0 && ((ints[i + 2] >>> vidx) & 1) === 1;
          if (!exact) s = Math.floor(s / FOLDED_DIVISOR);
        }
        if (count[doc] === 0) touched.push(doc);
        score[doc] += s;
        count[doc]++;
        matched[doc] |= 1 << ti;
        if (mask & 2) titleHits[doc]++;
      }
    });
    for (const b of pq.bigrams) {
      const e = lookup(b);
      if (!e) continue;
      for (let i = 0; i + e.stride <= e.ints.length; i += e.stride) {
        const doc = e.ints[i];
        if (count[doc] > 0) score[doc] += fieldWeight(e.ints[i + 1]) * PHRASE_FACTOR;
      }
    }

    // Only documents with every word are hits, unless there are none.
    let full = false;
    for (const doc of touched) {
      if (count[doc] === required.length) {
        full = true;
        break;
      }
    }
    const obsolete = new Uint8Array(n);
    const sel = [];
    for (const doc of touched) {
      if (full && count[doc] !== required.length) continue;
      const v = B64.indexOf(meta.doc[doc]);
      obsolete[doc] = (v & 32) !== 0 ? 1 : 0;
      if (titleHits[doc] > 0) {
        const tl = Math.max(v & 31, 1);
        score[doc] += Math.floor(COVERAGE_BONUS * Math.min(titleHits[doc], tl) / tl);
      }
      sel.push(doc);
    }
    const order = Int32Array.from(sel);
    // obsolete after current, then score, then document; a partial
    // match with more of the words first
    order.sort(function (a, b) {
      return (full ? 0 : count[b] - count[a]) || obsolete[a] - obsolete[b] || score[b] - score[a] || a - b;
    });
    return {
      meta: meta, complete: full, terms: required, order: order, score: score, obsolete: obsolete,
      missing: function (doc) {
        const m = [];
        if (!full) {
          required.forEach(function (t, ti) {
            if ((matched[doc] & (1 << ti)) === 0) m.push(t.exact);
          });
        }
        return m;
      },
    };
  }

  // find ranks the documents for q.
  function find(q) {
    return loadMeta().then(function (meta) {
      const pq = parseQuery(q);
      const keys = pq.bigrams.slice();
      for (const t of pq.terms) {
        keys.push(t.key);
        for (const p of t.parts) keys.push(p.key);
      }
      return loadKeys(meta, keys).then(function (lookup) { return rank(meta, pq, lookup); });
    });
  }

  // search is find with the hits as objects, for the tests.
  function search(q) {
    return find(q).then(function (r) {
      return {
        complete: r.complete,
        hits: Array.from(r.order, function (d) {
          return { doc: d, score: r.score[d], obsolete: r.obsolete[d] === 1, missing: r.missing(d) };
        }),
      };
    });
  }

  // docs returns the entries of documents ids.
  function docs(meta, ids) {
    return Promise.all(ids.map(function (id) {
      const i = upper(meta.dk, id) - 1;
      return loadShard(meta, "d", i).then(function (sh) { return sh.d[id - meta.dk[i]]; });
    }));
  }

  // ---- highlighting and snippets ----

  const CHUNK = /[\p{L}\p{M}\p{N}/\-.&]+/gu;
  const WORD = /[\p{L}\p{M}\p{N}]+/gu;

  // matches returns the ranges of text to mark: whole identifiers the
  // query has, and words it has.
  function matches(text, hl) {
    const out = [];
    // dashes as the tokeniser sees them; one code unit for one, so the
    // offsets stay those of text
    const plain = text.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-");
    for (const m of plain.matchAll(CHUNK)) {
      let s = m[0];
      let start = m.index;
      const lead = s.match(/^[/\-.&]*/)[0].length;
      s = s.slice(lead);
      start += lead;
      s = s.replace(/[/\-.&]+$/, "");
      if (s === "") continue;
      if (/[0-9]/.test(s) && /[/\-.&]/.test(s)) {
        const k = idKey(s);
        if (hl.ids.has(k)) {
          out.push({ start: start, end: start + s.length, key: k });
          continue;
        }
      }
      for (const w of s.matchAll(WORD)) {
        const k = foldWord(w[0]);
        if (hl.words.has(k)) out.push({ start: start + w.index, end: start + w.index + w[0].length, key: k });
      }
    }
    return out;
  }

  // appendMarked appends text[from:to] to el, with the ranges in <mark>;
  // ranges apart by at most three spaces or joiners are marked as one.
  function appendMarked(el, text, ranges, from, to) {
    const merged = [];
    for (const r of ranges) {
      if (r.end <= from || r.start >= to) continue;
      const s = Math.max(r.start, from);
      const e = Math.min(r.end, to);
      const last = merged[merged.length - 1];
      if (last && /^[\s/\-.&]{0,3}$/.test(text.slice(last.end, s))) last.end = e;
      else merged.push({ start: s, end: e });
    }
    let at = from;
    for (const r of merged) {
      if (r.start > at) el.appendChild(document.createTextNode(text.slice(at, r.start)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(r.start, r.end);
      el.appendChild(mark);
      at = r.end;
    }
    if (to > at) el.appendChild(document.createTextNode(text.slice(at, to)));
  }

  const SNIPPET = 240;

  // snippet fills el with the part of text that has the most query words.
  function snippet(el, text, hl) {
    const ranges = matches(text, hl);
    let from = 0;
    let anchor = 0;
    if (ranges.length > 0) {
      let best = 0;
      let bestCount = -1;
      for (let i = 0; i < ranges.length; i++) {
        const keys = new Set();
        for (let j = i; j < ranges.length && ranges[j].start < ranges[i].start + SNIPPET - 60; j++) keys.add(ranges[j].key);
        if (keys.size > bestCount) {
          best = i;
          bestCount = keys.size;
        }
      }
      anchor = ranges[best].start;
      from = Math.max(0, anchor - 60);
    }
    if (from > 0) {
      const sp = text.indexOf(" ", from);
      if (sp >= 0 && sp < anchor) from = sp + 1;
    }
    let to = Math.min(text.length, from + SNIPPET);
    if (to < text.length) {
      const sp = text.lastIndexOf(" ", to);
      if (sp > from + SNIPPET / 2) to = sp;
    }
    if (from > 0) el.appendChild(document.createTextNode("… "));
    appendMarked(el, text, ranges, from, to);
    if (to < text.length) el.appendChild(document.createTextNode(" …"));
  }

  // highlightSet is what to mark for a ranked query.
  function highlightSet(res) {
    const hl = { ids: new Set(), words: new Set() };
    for (const t of res.terms) {
      if (t.word) hl.words.add(t.key);
      else hl.ids.add(t.key);
    }
    return hl;
  }

  // ---- the page ----

  const PAGE = 20;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function safeURL(u) {
    return typeof u === "string" && /^[A-Za-z0-9._~%\/-]+$/.test(u) && u[0] !== "/" ? BASE + u : null;
  }

  function renderHit(missing, d, hl) {
    const li = el("li", "search-result" + (d.o ? " search-result--obsolete" : ""));
    const title = el("h2", "search-title");
    const href = safeURL(d.u);
    const a = href ? el("a", "search-link") : el("span", "search-link");
    if (href) a.setAttribute("href", href);
    appendMarked(a, d.t, matches(d.t, hl), 0, d.t.length);
    title.appendChild(a);
    li.appendChild(title);

    const meta = el("p", "search-meta");
    meta.appendChild(el("span", "search-kind", d.l));
    if (d.c) {
      meta.appendChild(document.createTextNode(" · "));
      const code = el("span", "search-code");
      appendMarked(code, d.c, matches(d.c, hl), 0, d.c.length);
      meta.appendChild(code);
    }
    if (d.s || d.o) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("span", "search-status" + (d.o ? " search-status--obsolete" : ""), d.s));
    }
    if (d.o && fold(d.s || "").indexOf("het hieu luc") < 0) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("strong", "search-obsolete", "Hết hiệu lực"));
    }
    li.appendChild(meta);

    if (d.b) {
      const p = el("p", "search-snippet");
      snippet(p, d.b, hl);
      li.appendChild(p);
    }
    if (missing.length > 0) {
      const p = el("p", "search-missing", "Không có: ");
      missing.forEach(function (w, i) {
        if (i > 0) p.appendChild(document.createTextNode(", "));
        p.appendChild(el("s", "", w));
      });
      li.appendChild(p);
    }
    return li;
  }

  function summary(res, q) {
    const n = res.order.length;
    if (n === 0) return "Không tìm thấy kết quả nào cho “" + q + "”. Hãy thử ít từ hơn hoặc từ khác.";
    if (!res.complete) return "Không có kết quả nào có đủ các từ “" + q + "”. Các kết quả gần nhất:";
    return "Tìm thấy " + n + " kết quả cho “" + q + "”.";
  }

  const root = document.getElementById("search-results");
  let generation = 0;

  // showPage renders one page of hits, starting at from, under list; with
  // focus, it moves the focus to the first new result.
  function showPage(res, list, from, hl, gen, focus) {
    const ids = Array.from(res.order.subarray(from, from + PAGE));
    return docs(res.meta, ids).then(function (entries) {
      if (gen !== generation) return;
      let first = null;
      entries.forEach(function (d, i) {
        if (!d) return;
        const li = renderHit(res.missing(ids[i]), d, hl);
        list.appendChild(li);
        first = first || li;
      });
      if (focus && first) {
        const a = first.querySelector(".search-link");
        a.setAttribute("tabindex", "-1");
        a.focus();
      }
      const old = root.querySelector(".search-more");
      if (old) old.remove();
      if (from + PAGE < res.order.length) {
        const more = el("button", "search-more", "Xem thêm kết quả");
        more.type = "button";
        more.addEventListener("click", function () {
          more.disabled = true;
          showPage(res, list, from + PAGE, hl, gen, true);
        });
        root.appendChild(more);
      }
    });
  }

  // run searches for q and renders the results.
  function run(q) {
    const gen = ++generation;
    q = q.trim();
    if (!root) return Promise.resolve();
    root.setAttribute("aria-busy", "true");
    root.dataset.state = "loading";
    if (q === "") {
      root.replaceChildren(el("p", "search-summary", "Nhập từ khóa để tìm quy trình, thủ tục hành chính hoặc văn bản: tên, mã (QT-TS-01, 1.004359) hoặc số văn bản (3463/QĐ-UBND). Gõ có dấu hoặc không dấu đều được."));
      root.setAttribute("aria-busy", "false");
      root.dataset.state = "done";
      root.dataset.query = "";
      return Promise.resolve();
    }
    return find(q).then(function (res) {
      if (gen !== generation) return;
      const hl = highlightSet(res);
      const list = el("ol", "search-list");
      const head = el("p", "search-summary", summary(res, q));
      return showPage(res, list, 0, hl, gen, false).then(function () {
        if (gen !== generation) return;
        const more = root.querySelector(".search-more");
        root.replaceChildren(head);
        if (res.order.length > 0) root.appendChild(list);
        if (more) root.appendChild(more);
      });
    }).catch(function () {
      if (gen !== generation) return;
      root.replaceChildren(el("p", "search-summary search-error", "Không tải được chỉ mục tìm kiếm. Hãy tải lại trang."));
    }).then(function () {
      if (gen !== generation) return;
      root.setAttribute("aria-busy", "false");
      root.dataset.state = "done";
      root.dataset.query = q;
    });
  }

  function inputs() {
    return Array.from(document.querySelectorAll('form[role="search"] input[name="q"]'));
  }

  // setQuery shows q in the search boxes; typing keeps the box being typed
  // in as it is.
  function setQuery(q, typing) {
    for (const i of inputs()) if (!typing || i !== document.activeElement) i.value = q;
    document.title = q ? "Tìm kiếm: " + q + " – " + baseTitle : baseTitle;
  }

  function currentQuery() {
    return new URLSearchParams(location.search).get("q") || "";
  }

  const baseTitle = document.title;

  function start() {
    const q = currentQuery();
    setQuery(q);
    run(q);
    const here = new URL(BASE + "search/", location.href).pathname;
    for (const input of inputs()) {
      const form = input.form;
      if (!form || new URL(form.action, location.href).pathname !== here) continue;
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        go(input.value, true);
      });
      let timer = 0;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { go(input.value, false); }, 200);
      });
    }
    window.addEventListener("popstate", function () {
      const q = currentQuery();
      setQuery(q);
      run(q);
    });
  }

  function go(q, push) {
    const u = new URL(location.href);
    if (q.trim() === "") u.searchParams.delete("q"); else u.searchParams.set("q", q.trim());
    if (u.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", u.href);
    setQuery(q.trim(), !push);
    return run(q);
  }

  // For the tests: the same functions the page uses.
  window.qmsSearch = Object.freeze({
    fold: fold,
    tokenize: tokenize,
    find: find,
    search: search,
    run: run,
  });

  if (root) start();
})();
