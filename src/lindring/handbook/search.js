/* lindring: the exported handbook's offline search.
 *
 * Reads window.LINDRING_INDEX (search-index.js, written by `lindring handbook export`)
 * and scores sections exactly as `lindring handbook search` does
 * (src/lindring/handbook/search.py: stem, expand_query, rank, _snippet); the word
 * pattern, the stemmer's suffixes and the drug names come from the index, so the two
 * cannot drift apart. A test runs both on the same queries.
 *
 * The search box: results appear under it as you type; index.html?q=WORDS (or any
 * page with ?q=) searches at load. Nothing is fetched: it works from file://.
 */
(function () {
  "use strict";
  var INDEX = window.LINDRING_INDEX;
  if (!INDEX || INDEX.version !== __INDEX_VERSION__) {
    return;
  }
  var RULES = INDEX.rules;
  var LABELS = INDEX.labels;
  var WORD = new RegExp(RULES.word, "g");
  var HAS = Object.prototype.hasOwnProperty;

  function words(text) {
    return text.toLowerCase().match(WORD) || [];
  }

  function stem(word) {
    word = word.toLowerCase();
    for (var i = 0; i < RULES.suffixes.length; i++) {
      var suffix = RULES.suffixes[i];
      if (word.endsWith(suffix) && word.length - suffix.length >= RULES.min_stem) {
        return word.slice(0, word.length - suffix.length);
      }
    }
    return word;
  }

  function stems(text) {
    return new Set(words(text).map(stem));
  }

  var PARTS = INDEX.sections.map(function (row) {
    var chapter = INDEX.chapters[row.c];
    var about = new Set(chapter.about);
    var head = new Set(row.head);
    var headAbout = new Set(row.head.concat(chapter.about));
    return {
      chapter: chapter.id,
      title: chapter.title,
      heading: row.h,
      anchor: row.a,
      head: head,
      about: about,
      headAbout: headAbout,
      body: new Map(Object.entries(row.body)),
      text: row.text
    };
  });
  var VOCABULARY = new Set();
  PARTS.forEach(function (part) {
    part.headAbout.forEach(function (w) { VOCABULARY.add(w); });
    part.body.forEach(function (n, w) { VOCABULARY.add(w); });
  });

  function expandQuery(query) {
    var tokens = words(query);
    var terms = [];
    var index = 0;
    while (index < tokens.length) {
      var pair = tokens.slice(index, index + 2).join(" ");
      if (index + 1 < tokens.length && HAS.call(INDEX.names, pair)) {
        terms.push(stems(INDEX.names[pair]));
        index += 2;
        continue;
      }
      var word = tokens[index];
      var term = new Set([stem(word)]);
      if (HAS.call(INDEX.names, word)) {
        stems(INDEX.names[word]).forEach(function (s) { term.add(s); });
      }
      terms.push(term);
      index += 1;
    }
    return terms;
  }

  function weight(term, part) {
    var best = 0;
    term.forEach(function (s) {
      var score = 0;
      if (part.head.has(s)) { score += 3; }
      if (part.about.has(s)) { score += 2; }
      var count = part.body.get(s) || 0;
      if (count) { score += 1 + Math.log(count); }
      if (score === 0 && s.length >= 4) {  // inside a compound word: smerte|pumpe
        var inside = 0;
        part.body.forEach(function (n, w) { if (w !== s && w.indexOf(s) >= 0) { inside += n; } });
        part.headAbout.forEach(function (w) { if (w !== s && w.indexOf(s) >= 0) { inside += 1; } });
        score = 0.5 * Math.min(inside, 4);
      }
      best = Math.max(best, score);
    });
    return best;
  }

  function splitCompound(word) {
    for (var cut = word.length - 4; cut > 3; cut--) {
      var left = word.slice(0, cut);
      var right = word.slice(cut);
      if (VOCABULARY.has(right) && VOCABULARY.has(stem(left))) {
        return [stem(left), right];
      }
    }
    return null;
  }

  function termWeight(term, split, part) {
    var whole = weight(term, part);
    if (split === null) { return whole; }
    var left = weight(new Set([split[0]]), part);
    var right = weight(new Set([split[1]]), part);
    return Math.max(whole, left && right ? 0.8 * (left + right) / 2 : 0);
  }

  function snippet(text, terms) {
    var all = new Set();
    terms.forEach(function (term) { term.forEach(function (s) { all.add(s); }); });
    var lower = text.toLowerCase();
    var re = new RegExp(RULES.word, "g");
    var start = 0;
    var found;
    while ((found = re.exec(lower)) !== null) {
      var token = stem(found[0]);
      var inside = false;
      all.forEach(function (s) { if (s.length >= 4 && token.indexOf(s) >= 0) { inside = true; } });
      if (all.has(token) || inside) {
        start = Math.max(0, found.index - Math.floor(RULES.snippet / 3));
        break;
      }
    }
    var cut = text.slice(start, start + RULES.snippet);
    if (start > 0) {
      cut = cut.indexOf(" ") >= 0 ? "…" + cut.slice(cut.indexOf(" ") + 1) : "…" + cut;
    }
    if (start + RULES.snippet < text.length) {
      cut = cut.indexOf(" ") >= 0 ? cut.slice(0, cut.lastIndexOf(" ")) + " …" : cut + "…";
    }
    return cut;
  }

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /* The query's problem as a sentence, or "" when it can be searched. */
  function problem(query) {
    if (query.length > RULES.max_query) {
      return LABELS.too_long.replace("{limit}", RULES.max_query);
    }
    var tokens = words(query);
    var long = tokens.some(function (w) { return w.length > RULES.max_word; });
    if (tokens.length > RULES.max_words || long) {
      return LABELS.too_many.replace("{words}", RULES.max_words)
        .replace("{letters}", RULES.max_word);
    }
    return "";
  }

  function search(query, limit) {
    limit = limit === undefined ? 10 : limit;
    if (problem(query)) { return []; }
    var terms = expandQuery(query);
    if (!terms.length) { return []; }
    var splits = terms.map(function (term) {
      var sorted = Array.from(term).sort(compare);
      for (var i = 0; i < sorted.length; i++) {
        var found = splitCompound(sorted[i]);
        if (found) { return found; }
      }
      return null;
    });
    var weights = PARTS.map(function (part) {
      return terms.map(function (term, i) { return termWeight(term, splits[i], part); });
    });
    var idf = terms.map(function (term, i) {
      var having = weights.filter(function (row) { return row[i] > 0; }).length;
      return Math.log(1 + PARTS.length / (1 + having));
    });
    var hits = [];
    PARTS.forEach(function (part, p) {
      var scores = weights[p].map(function (w, i) { return w * idf[i]; });
      var matched = scores.filter(function (s) { return s > 0; }).length;
      if (!matched) { return; }
      var share = matched / terms.length;
      var summed = 0;
      scores.forEach(function (s) { summed += s; });
      hits.push({
        chapter: part.chapter,
        title: part.title,
        heading: part.heading,
        anchor: part.anchor,
        snippet: snippet(part.text, terms),
        score: summed * share * share
      });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || compare(a.chapter, b.chapter) || compare(a.heading, b.heading);
    });
    return hits.slice(0, limit);
  }

  window.lindringSearch = search;

  /* ---- the search box ---- */

  function element(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function show(box, query) {
    box.textContent = "";
    query = query.trim();
    if (!query) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    var why = problem(query);
    if (why) {
      box.appendChild(element("p", why, "search-note"));
      return;
    }
    var hits = search(query);
    if (!hits.length) {
      box.appendChild(element("p", LABELS.none.replace("{query}", query), "search-note"));
      return;
    }
    box.appendChild(element("p", LABELS.count.replace("{count}", hits.length), "search-note"));
    var list = element("ol");
    hits.forEach(function (hit) {
      var item = element("li");
      var link = element("a");
      link.href = hit.chapter + ".html" + (hit.anchor ? "#" + hit.anchor : "");
      link.setAttribute("data-chapter", hit.chapter);
      link.appendChild(element("strong", hit.title));
      link.appendChild(document.createTextNode(" – " + (hit.heading || LABELS.opening)));
      item.appendChild(link);
      item.appendChild(element("span", hit.snippet, "snippet"));
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function start() {
    var form = document.getElementById("search");
    var input = document.getElementById("search-q");
    var box = document.getElementById("search-results");
    if (!form || !input || !box) { return; }
    form.hidden = false;
    input.addEventListener("input", function () { show(box, input.value); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(box, input.value);
    });
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) {
      input.value = asked;
      show(box, asked);
    }
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }
})();
