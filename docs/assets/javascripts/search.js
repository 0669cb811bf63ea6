/* The library's search, from every page: Pagefind's static index at the top of the library
   (pagefind/, written by `make build` and `make publish`), fetched a piece at a time, so a
   search costs a phone a few small files whatever the size of the library, and asks no
   other host. Results go into Material's search dialog (partials/search.html), each named
   with its policy, and are reached with the arrow keys or Tab. On a policy's page, that
   policy's results come first: a reader there most likely means it. */
(function () {
  "use strict";
  var dialog = document.querySelector(".library-search");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var input = dialog.querySelector(".md-search__input");
  var clear = dialog.querySelector(".library-search__clear");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var words = JSON.parse(dialog.getAttribute("data-words"));
  var root = new URL(dialog.getAttribute("data-library-root"), window.location.href);
  var policy = dialog.getAttribute("data-policy");
  var engine = null;
  var asked = 0;
  var SHOWN = 10;

  function open(state) {
    if (toggle.checked !== state) {
      toggle.checked = state;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname }).then(function () {
          return pagefind.init();
        }).then(function () {
          return pagefind;
        });
      });
      engine.then(function () {
        if (!input.value.trim()) meta.textContent = words.ready;
      }, function () {
        meta.textContent = words.missing;
      });
    }
    return engine;
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  /* Pagefind's excerpt: the page's words, with "<" and ">" written &lt; and &gt; and each
     matching word in <mark>. It goes onto the page as text, and only the <mark>s become
     elements, so whatever the index holds can never become markup or script. */
  function excerptInto(target, excerpt) {
    var marked = false;
    excerpt.split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>" || part === "</mark>") {
        marked = part === "<mark>";
      } else if (part) {
        var text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
        target.appendChild(marked ? element("mark", "", text) : document.createTextNode(text));
      }
    });
  }

  function link(url, heading, level, excerpt) {
    var anchor = element("a", "md-search-result__link");
    anchor.href = url;
    var article = element("article", "md-search-result__article md-typeset");
    if (level === "h1") article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element(level, "", heading));
    var teaser = element("p", "md-search-result__teaser");
    excerptInto(teaser, excerpt);
    article.appendChild(teaser);
    anchor.appendChild(article);
    return anchor;
  }

  /* How well a section of a page matched: its matching words, weighted as Pagefind
     weighs them. */
  function score(sub) {
    var weighted = sub.weighted_locations || [];
    if (!weighted.length) return (sub.locations || []).length;
    return weighted.reduce(function (sum, hit) { return sum + (hit.balanced_score || 1); }, 0);
  }

  /* A page, then the (up to) three of its sections that matched best. */
  function item(page) {
    var entry = element("li", "md-search-result__item");
    entry.appendChild(link(page.url, page.meta.title, "h1", page.excerpt));
    page.sub_results.filter(function (sub) { return sub.url !== page.url; })
      .sort(function (a, b) { return score(b) - score(a); }).slice(0, 3)
      .forEach(function (sub) { entry.appendChild(link(sub.url, sub.title, "h2", sub.excerpt)); });
    return entry;
  }

  function count(total) {
    if (total === 0) return words.none;
    return total === 1 ? words.one : words.other.replace("#", String(total));
  }

  function search() {
    var term = input.value.trim();
    var mine = ++asked;
    if (!term) {
      list.textContent = "";
      load().then(function () { if (mine === asked) meta.textContent = words.ready; });
      return;
    }
    load().then(function (pagefind) {
      return pagefind.debouncedSearch(term, {}, 60).then(function (found) {
        if (found === null || mine !== asked || !policy) return found && found.results;
        return pagefind.search(term, { filters: { policy: policy } }).then(function (own) {
          var first = own.results.map(function (result) { return result.id; });
          return own.results.concat(found.results.filter(function (result) {
            return first.indexOf(result.id) === -1;
          }));
        });
      });
    }).then(function (found) {
      if (!found || mine !== asked) return null;  /* a newer search replaced it */
      return Promise.all(found.slice(0, SHOWN).map(function (result) {
        return result.data();
      })).then(function (pages) {
        if (mine !== asked) return;
        list.textContent = "";
        pages.forEach(function (page) { list.appendChild(item(page)); });
        meta.textContent = count(found.length);
      });
    }).catch(function () { meta.textContent = words.missing; });
  }

  function results() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  function move(step) {
    var links = results();
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = at === -1 ? (step > 0 ? 0 : links.length - 1)
      : Math.min(Math.max(at + step, -1), links.length - 1);
    if (next === -1) input.focus();
    else links[next].focus();
  }

  input.addEventListener("focus", function () { open(true); load(); });
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var first = results()[0];
    if (first) first.click();
  });
  clear.addEventListener("click", function () {
    input.value = "";
    search();
    input.focus();
  });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      open(false);
      input.blur();
    }
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked && document.activeElement !== input) input.focus();
  });

  /* "/" or "s" anywhere but in a form field jumps to the search box, as in Material. */
  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      input.focus();
    }
  });
})();
