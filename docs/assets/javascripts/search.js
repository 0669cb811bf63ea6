/* The library's search, from every page: Pagefind's static index at the top of the library
   (pagefind/, written by `make build` and `make publish`), fetched a piece at a time, so a
   search costs a phone a few small files whatever the size of the library, and asks no
   other host. Results go into Material's search dialog (partials/search.html) and are
   reached with the arrow keys or Tab.

   How a question is answered (the README's "How search ranks results"):
   - common words ("can", "I", "my") are left out, and each staff word in
     staff-words.json is looked for as the policies' words for it too;
   - the pages with every remaining word come first; if no page has them all, the pages
     with most of them, saying so, so a question never comes back empty while part of it
     matches;
   - each result is a clause or a question (opening at its heading, named with its policy
     and page), best match first: a question's heading weighs most; on a policy's page, that
     policy's answers come first among equals;
   - the owners' pages (how to change the guide) answer under their own heading, after the
     policies. */
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

  /* Words that carry no meaning of their own in a question ("can I ... on my ..."): they are
     neither required nor highlighted, unless the question has no other words. */
  var COMMON = {};
  ("a about after all also am an and any are as at be been before being but by can could " +
   "did do does doing for from get gets got had has have having how i i'm if in into is it " +
   "it's its just me my myself no not of on or our ours out over should so some such than " +
   "that the their them then there these they this those to too up us was we were what " +
   "when where which while who whom why will with would you your yours " +
   /* and words every page of a policy library has, or that say nothing of what is asked */
   "ok okay council council's councils thing things someone being " +
   "something anyone anything need want way").split(" ")
    .forEach(function (word) { COMMON[word] = true; });

  /* Each staff word (policy_source/staff-words.yml) and the policies' words it stands for,
     from staff-words.json beside the search index; none if it cannot be read. */
  var staffWords = null;
  function loadStaffWords() {
    if (!staffWords) {
      staffWords = fetch(new URL("staff-words.json", root).href)
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return staffWords;
  }

  /* A staff word's meaning without its common words ("who it covers": "covers"), unless
     it has no other. */
  function meaningOnly(phrase) {
    var kept = phrase.split(" ").filter(function (word) { return !COMMON[word]; });
    return kept.length ? kept.join(" ") : phrase;
  }

  /* What to look for: one group per meaningful word or staff phrase of the question, each a
     list of ways to find it (a staff word's meanings first, then the word itself). */
  function groupsOf(term, known) {
    var words = term.toLowerCase().replace(/\u2019/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) || [];
    var meaningful = words.filter(function (word) { return !COMMON[word]; });
    var longest = Object.keys(known).reduce(function (most, phrase) {
      return Math.max(most, phrase.split(" ").length);
    }, 1);
    var groups = [];
    for (var at = 0; at < words.length;) {
      var found = false;
      for (var size = Math.min(longest, words.length - at); size > 0 && !found; size--) {
        var phrase = words.slice(at, at + size).join(" ");
        if (Object.prototype.hasOwnProperty.call(known, phrase)) {
          groups.push(known[phrase].map(meaningOnly).concat([phrase]));
          at += size;
          found = true;
        }
      }
      if (found) continue;
      if (!COMMON[words[at]] || !meaningful.length) groups.push([words[at]]);
      at += 1;
    }
    return groups;
  }

  function link(url, heading, where, excerpt) {
    var anchor = element("a", "md-search-result__link");
    anchor.href = url;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("h1", "", heading));
    if (where) article.appendChild(element("p", "library-search__where", where));
    var teaser = element("p", "md-search-result__teaser");
    excerptInto(teaser, excerpt);
    article.appendChild(teaser);
    anchor.appendChild(article);
    return anchor;
  }

  /* How well a section of a page matched: its matching words, weighted as Pagefind
     weighs them (a question's heading weighs most). */
  function score(sub) {
    var weighted = sub.weighted_locations || [];
    if (!weighted.length) return (sub.locations || []).length;
    return weighted.reduce(function (sum, hit) { return sum + (hit.balanced_score || 1); }, 0);
  }

  var ownersFolder = new URL("owners/", root).pathname;
  function forOwners(url) {
    return new URL(url, window.location.href).pathname.indexOf(ownersFolder) === 0;
  }

  /* A word's root, roughly: without an ending such as -ing, -ed, -ive or -s, and cut to
     five letters, so that "post", "posts", "posted" and "posting" are one word, and so are
     "abuse", "abused" and "abusive". */
  function stem(word) {
    var bare = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
    var cut = bare.replace(/(ations|ation|ings|ing|ied|ies|ed|es|ive|ion|er|ly|s|e)$/, "");
    return (cut.length >= 3 ? cut : bare).slice(0, 5);
  }

  /* The different words of the question a section holds, as roots: the words of the page's
     text (`text`, its words in order: Pagefind counts them from 0) at the section's
     matches, each with
     whether it is in the section's heading (Pagefind weighs a heading's words more). */
  function wordsAt(text, sub) {
    var seen = {};
    var hits = sub.weighted_locations && sub.weighted_locations.length ? sub.weighted_locations
      : (sub.locations || []).map(function (at) { return { location: at, weight: 1 }; });
    hits.forEach(function (hit) {
      var word = stem(text[hit.location] || "");
      if (word) seen[word] = seen[word] || hit.weight > 1;
    });
    return seen;
  }

  /* How much each answer says about the question: the words of the question it holds, each
     weighing more the fewer of the answers hold it ("block" tells more than "page"). A
     clause with three telling words beats one with a common word many times over, and a
     word in a clause's or question's heading counts twice. */
  function weigh(answers) {
    var holding = {};
    answers.forEach(function (answer) {
      Object.keys(answer.words).forEach(function (word) {
        holding[word] = (holding[word] || 0) + 1;
      });
    });
    answers.forEach(function (answer) {
      answer.relevance = Object.keys(answer.words).reduce(function (sum, word) {
        var telling = Math.log(1 + answers.length / holding[word]);
        return sum + (answer.words[word] ? 2 * telling : telling);  /* in the heading: double */
      }, 0);
    });
    return answers;
  }

  /* The answers a page holds: each section that matched (a clause or a question, opening
     at its heading), or the page itself when no section did. Each says where it is. */
  function answersIn(page, matched, own) {
    var sections = page.sub_results.filter(function (sub) {
      return sub.url !== page.url && sub.locations && sub.locations.length;
    });
    var listed = sections.length ? sections : [{ url: page.url, title: page.meta.title,
      excerpt: page.excerpt, locations: page.locations,
      weighted_locations: page.weighted_locations }];
    var text = page.content ? page.content.split(/\s+/) : [];
    return listed.map(function (sub) {
      return { url: sub.url, title: sub.title,
        where: sub.url === page.url ? "" : page.meta.title, excerpt: sub.excerpt,
        score: score(sub), words: wordsAt(text, sub), matched: matched, own: own,
        owners: forOwners(page.url) };
    });
  }

  /* Whether the answers hold every group of the question (Pagefind leaves out a word that
     is nowhere in the library, so its results may lack one). */
  function everyGroupIn(answers, groups) {
    var held = {};
    answers.forEach(function (answer) {
      Object.keys(answer.words).forEach(function (word) { held[word] = true; });
    });
    return groups.every(function (group) {
      return group.some(function (words) {
        return words.split(" ").filter(function (word) { return !COMMON[word]; })
          .every(function (word) { return held[stem(word)]; });
      });
    });
  }

  function better(a, b) {
    return (b.matched - a.matched) || (b.relevance - a.relevance) ||
      ((b.own ? 1 : 0) - (a.own ? 1 : 0)) || (b.score - a.score);
  }

  function count(total) {
    if (total === 0) return words.none;
    return total === 1 ? words.one : words.other.replace("#", String(total));
  }

  /* Every page that has all of the groups; or, if none has, the pages that have most of
     them, each with how many groups it has. */
  function find(pagefind, groups) {
    if (!groups.length) return Promise.resolve({ partial: false, groups: [], results: [] });
    var all = groups.map(function (group) { return group[0]; }).join(" ");
    return pagefind.debouncedSearch(all, {}, 60).then(function (found) {
      if (found === null) return null;  /* a newer search replaced it */
      if (found.results.length || groups.length < 2) {
        return { partial: false, groups: groups, results: found.results.map(function (result) {
          return { result: result, matched: groups.length };
        }) };
      }
      var searches = [];
      groups.forEach(function (group, index) {
        group.forEach(function (words) {
          searches.push(pagefind.search(words).then(function (one) {
            return { group: index, results: one.results };
          }));
        });
      });
      return Promise.all(searches).then(function (each) {
        var pages = {};
        each.forEach(function (one) {
          one.results.forEach(function (result) {
            var known = pages[result.id] || (pages[result.id] = { result: result, groups: {} });
            known.groups[one.group] = true;
            if (result.score > known.result.score) known.result = result;
          });
        });
        var merged = Object.keys(pages).map(function (id) {
          return { result: pages[id].result, matched: Object.keys(pages[id].groups).length };
        }).sort(function (a, b) {
          return (b.matched - a.matched) || (b.result.score - a.result.score);
        });
        return { partial: true, groups: groups, results: merged };
      });
    });
  }

  function show(answers, partial) {
    var staff = answers.filter(function (answer) { return !answer.owners; }).slice(0, SHOWN);
    var owners = answers.filter(function (answer) { return answer.owners; }).slice(0, 3);
    list.textContent = "";
    staff.forEach(function (answer) {
      var entry = element("li", "md-search-result__item");
      entry.appendChild(link(answer.url, answer.title, answer.where, answer.excerpt));
      list.appendChild(entry);
    });
    ownersList.textContent = "";
    ownersHeading.hidden = !owners.length;
    owners.forEach(function (answer) {
      var entry = element("li", "md-search-result__item");
      entry.appendChild(link(answer.url, answer.title, answer.where, answer.excerpt));
      ownersList.appendChild(entry);
    });
    var shown = count(staff.length + owners.length);
    meta.textContent = partial && answers.length ? words.partial + " " + shown : shown;
  }

  /* The owners' pages (how to change the guide) answer under their own heading, after
     every answer from the policies. */
  /* Drafts published for consultation are not policy in force: they answer only when the
     reader asks for them (main.html marks their pages with the filter "draft"). */
  var drafts = element("label", "library-search__drafts");
  var includeDrafts = document.createElement("input");
  includeDrafts.type = "checkbox";
  includeDrafts.id = "library-search-drafts";
  drafts.htmlFor = includeDrafts.id;
  drafts.appendChild(includeDrafts);
  drafts.appendChild(document.createTextNode(" Include drafts out for consultation"));
  list.parentNode.insertBefore(drafts, list);
  includeDrafts.addEventListener("change", function () { search(); });

  var ownersHeading = element("h2", "library-search__owners", words.owners);
  ownersHeading.hidden = true;
  var ownersList = element("ol", "md-search-result__list");
  list.parentNode.appendChild(ownersHeading);
  list.parentNode.appendChild(ownersList);

  function search() {
    var term = input.value.trim();
    var mine = ++asked;
    if (!term) {
      list.textContent = "";
      ownersList.textContent = "";
      ownersHeading.hidden = true;
      load().then(function () { if (mine === asked) meta.textContent = words.ready; });
      return;
    }
    Promise.all([load(), loadStaffWords()]).then(function (ready) {
      return find(ready[0], groupsOf(term, ready[1]));
    }).then(function (found) {
      if (!found || mine !== asked) return null;  /* a newer search replaced it */
      return Promise.all(found.results.slice(0, SHOWN).map(function (one) {
        return one.result.data().then(function (page) {
          if ((page.filters.draft || []).length && !includeDrafts.checked) return [];
          var own = Boolean(policy) && (page.filters.policy || []).indexOf(policy) !== -1;
          return answersIn(page, one.matched, own);
        });
      })).then(function (pages) {
        if (mine !== asked) return;
        var answers = weigh([].concat.apply([], pages)).sort(better);
        show(answers, found.partial || !everyGroupIn(answers, found.groups));
      });
    }).catch(function () { meta.textContent = words.missing; });
  }

  function results() {
    return Array.prototype.slice.call(dialog.querySelectorAll(".md-search-result__link"));
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

  input.addEventListener("focus", function () { open(true); load(); loadStaffWords(); });
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
