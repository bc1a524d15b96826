// hieu-luc.js: the page of the manual on a date (hieu-luc/). Plain script,
// no framework, no request: it reads the page's data block
// (#hieu-luc-du-lieu, written by internal/render's hieuluc.go: each
// document's dated events), answers for the date in ?ngay= (YYYY-MM-DD,
// or dd/mm/yyyy) or chosen in the form, and shows each document's status
// on that day, the issue of each process then in force, and the changes of
// the page's timeline in the month around the day.
//
// The status rules repeat Go's rule for rule (qms.Corpus.StatusOf,
// ProcedureAbolished, ProcessStatusOn, Process.IssueOn); internal/build's
// tests evaluate both on the same dates in Chromium and compare. Dates are
// YYYY-MM-DD strings, which compare as the dates do.
(function () {
  "use strict";

  // ---- status on a day (Go: qms) ----

  // issueOn: the last issue, in amendment record order, in force on day.
  function issueOn(p, day) {
    let issue = null;
    for (const i of p.issues) {
      if (i.effective <= day) issue = i;
    }
    return issue;
  }

  function processStatus(p, day) {
    const issue = issueOn(p, day);
    if (p.draft) return { status: "draft", issue: issue };
    if (!issue) return { status: "not-yet-effective", issue: null };
    if (p.abolished && p.abolished <= day) {
      return { status: "abolished", issue: issue, by: p.abolished_by || null };
    }
    return { status: "active", issue: issue };
  }

  function procedureStatus(p, day) {
    if (p.abolished && p.abolished <= day) {
      return { status: "abolished", by: p.abolished_by || null };
    }
    return { status: "in-force" };
  }

  function decisionStatus(d, day) {
    if (d.effective && day < d.effective) {
      return { status: "not-yet-effective", since: d.effective };
    }
    let st = null;
    for (const o of d.superseded_by || []) {
      if (o.date > day) continue;
      if (!st || o.date < st.since) st = { status: "superseded", by: o, since: o.date };
    }
    if (d.repealed && d.repealed <= day && (!st || d.repealed < st.since)) {
      st = { status: "repealed", since: d.repealed };
    }
    if (!st && d.expires && d.expires <= day) {
      st = { status: "expired", since: d.expires };
    }
    if (st) return st;
    const amended = (d.amended_by || []).filter(function (o) { return o.date <= day; });
    if (amended.length) return { status: "amended", amendedBy: amended };
    return { status: "in-force" };
  }

  // evaluate returns every document's status on day, in the data's order.
  function evaluate(data, day) {
    return {
      processes: data.processes.map(function (p) { return processStatus(p, day); }),
      procedures: data.procedures.map(function (p) { return procedureStatus(p, day); }),
      decisions: data.decisions.map(function (d) { return decisionStatus(d, day); }),
    };
  }

  // ---- dates ----

  function pad(n, w) {
    return String(n).padStart(w, "0");
  }

  // parseDay reads YYYY-MM-DD or dd/mm/yyyy and returns YYYY-MM-DD, or ""
  // when the text is not a real date.
  function parseDay(s) {
    s = (s || "").trim();
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    let y, mo, d;
    if (m) {
      y = +m[1]; mo = +m[2]; d = +m[3];
    } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
      d = +m[1]; mo = +m[2]; y = +m[3];
    } else {
      return "";
    }
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31) return "";
    const t = new Date(Date.UTC(2000, mo - 1, d));
    t.setUTCFullYear(y);
    if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return "";
    return pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2);
  }

  function addDays(day, n) {
    const p = day.split("-");
    const t = new Date(Date.UTC(2000, +p[1] - 1, +p[2]));
    t.setUTCFullYear(+p[0]);
    t.setUTCDate(t.getUTCDate() + n);
    return pad(t.getUTCFullYear(), 4) + "-" + pad(t.getUTCMonth() + 1, 2) + "-" + pad(t.getUTCDate(), 2);
  }

  // revisionText writes an issue number as the site does: two digits.
  function revisionText(n) {
    return n < 10 ? "0" + n : String(n);
  }

  // vn formats YYYY-MM-DD as dd/mm/yyyy.
  function vn(day) {
    const p = day.split("-");
    return p[2] + "/" + p[1] + "/" + p[0];
  }

  // ---- the page ----

  // el makes an element with attributes and children (strings become
  // text: nothing from the data is read as markup).
  function el(name, attrs) {
    const e = document.createElement(name);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    for (let i = 2; i < arguments.length; i++) {
      const c = arguments[i];
      if (c === null || c === undefined || c === "") continue;
      e.append(c);
    }
    return e;
  }

  function docLink(doc) {
    return doc.url ? el("a", { href: doc.url }, doc.id) : el("span", { class: "unlinked" }, doc.id);
  }

  function tagEl(t) {
    return el("strong", { class: "tag tag-" + t.class }, t.label);
  }

  // table makes a table in the site's scrollable wrapper, its caption
  // for screen readers (the heading above says it on screen), its first
  // column (codes, numbers) unbroken.
  function table(caption, heads, rows) {
    const head = el("tr", {});
    heads.forEach(function (h) { head.append(el("th", { scope: "col" }, h)); });
    const body = el("tbody", {});
    rows.forEach(function (r) {
      const tr = el("tr", {});
      r.forEach(function (c, i) { tr.append(el("td", i === 0 ? { class: "nowrap" } : {}, c)); });
      body.append(tr);
    });
    return el("div", { class: "table-wrap", role: "region", "aria-label": caption, tabindex: "0" },
      el("table", {}, el("caption", { class: "visually-hidden" }, caption), el("thead", {}, head), body));
  }

  function withNote(t, text, doc, since) {
    const f = document.createDocumentFragment();
    f.append(tagEl(t));
    if (text) f.append(" ", el("span", { class: "hint" }, text));
    if (doc) f.append(" ", docLink(doc));
    if (since) f.append(" ", el("span", { class: "hint" }, "từ ngày " + vn(since)));
    return f;
  }

  function count(list, status) {
    return list.filter(function (s) { return s.status === status; }).length;
  }

  function render(data, day, summary, result) {
    const st = evaluate(data, day);
    const tags = data.tags;
    const out = document.createDocumentFragment();
    out.append(el("h2", { id: "ket-qua" }, "Sổ tay ngày " + vn(day)));

    out.append(el("h3", {}, "Quy trình"));
    out.append(table("Quy trình ngày " + vn(day),
      ["Mã hiệu", "Tên quy trình", "Lần ban hành", "Ngày hiệu lực", "Tình trạng"],
      data.processes.map(function (p, i) {
        const s = st.processes[i];
        const issue = s.status === "draft" ? null : s.issue;
        return [
          docLink(p), p.title,
          issue ? el("a", { href: issue.url }, "Lần " + revisionText(issue.revision)) : "—",
          issue ? vn(issue.effective) : "—",
          withNote(tags.process[s.status], s.by ? "theo" : "", s.by, ""),
        ];
      })));

    out.append(el("h3", {}, "Thủ tục hành chính"));
    out.append(table("Thủ tục hành chính ngày " + vn(day),
      ["Mã", "Tên thủ tục", "Tình trạng"],
      data.procedures.map(function (p, i) {
        const s = st.procedures[i];
        return [docLink(p), p.title, withNote(tags.procedure[s.status], s.by ? "theo" : "", s.by, "")];
      })));

    out.append(el("h3", {}, "Văn bản"));
    out.append(table("Văn bản ngày " + vn(day),
      ["Số hiệu", "Trích yếu", "Tình trạng"],
      data.decisions.map(function (d, i) {
        const s = st.decisions[i];
        const t = tags.decision[s.status];
        if (s.status === "superseded") return [docLink(d), d.title, withNote(t, "thay thế bởi", s.by, s.since)];
        if (s.status === "not-yet-effective") return [docLink(d), d.title, withNote(t, "có hiệu lực", null, s.since)];
        if (s.status === "repealed" || s.status === "expired") return [docLink(d), d.title, withNote(t, "", null, s.since)];
        return [docLink(d), d.title, tagEl(t)];
      })));

    const from = addDays(day, -15), to = addDays(day, 15);
    out.append(el("h3", {}, "Thay đổi từ " + vn(from) + " đến " + vn(to)));
    const near = Array.from(document.querySelectorAll(".hieu-luc-timeline li[data-ngay]")).filter(function (li) {
      const d = li.getAttribute("data-ngay");
      return from <= d && d <= to;
    });
    if (near.length) {
      const ol = el("ol", { class: "hieu-luc-events" });
      near.forEach(function (li) { ol.append(li.cloneNode(true)); });
      out.append(ol);
    } else {
      out.append(el("p", {}, "Không có thay đổi nào trong khoảng này."));
    }

    result.replaceChildren(out);
    summary.textContent = "Ngày " + vn(day) + ": " +
      count(st.processes, "active") + " quy trình đang áp dụng, " +
      count(st.procedures, "in-force") + " thủ tục hành chính còn hiệu lực, " +
      (count(st.decisions, "in-force") + count(st.decisions, "amended")) + " văn bản còn hiệu lực.";
    document.querySelector("h1").textContent = "Còn hiệu lực ngày " + vn(day);
    const title = document.title, dot = title.indexOf(" · ");
    document.title = "Còn hiệu lực ngày " + vn(day) + (dot >= 0 ? title.slice(dot) : "");
  }

  function start() {
    const block = document.getElementById("hieu-luc-du-lieu");
    const form = document.querySelector(".hieu-luc-form");
    const input = document.getElementById("ngay");
    const summary = document.getElementById("hieu-luc-tom-tat");
    const result = document.getElementById("hieu-luc-ket-qua");
    if (!block || !form || !input || !summary || !result) return;
    const data = JSON.parse(block.textContent);
    window.qmsHieuLuc.data = data;

    function show(raw) {
      const day = parseDay(raw);
      if (!day) {
        result.replaceChildren();
        summary.textContent = "Ngày “" + raw + "” không hợp lệ. Hãy chọn một ngày có thật trong ô lịch.";
        return;
      }
      input.value = day;
      render(data, day, summary, result);
    }

    function fromURL() {
      const raw = new URLSearchParams(location.search).get("ngay");
      if (raw !== null && raw.trim() !== "") show(raw);
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      const day = parseDay(input.value);
      if (day) {
        const u = new URL(location.href);
        u.searchParams.set("ngay", day);
        history.pushState(null, "", u);
      }
      show(input.value);
    });
    window.addEventListener("popstate", fromURL);
    fromURL();
  }

  window.qmsHieuLuc = {
    evaluate: evaluate, processStatus: processStatus, procedureStatus: procedureStatus,
    decisionStatus: decisionStatus, parseDay: parseDay, addDays: addDays,
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
