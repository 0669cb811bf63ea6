/* The policy library's own behaviour, on what the page already holds and the site's own
   files (no request goes to any other host):
   - the library home's filters (category and status), and the "on a date" box; without
     scripts the forms stay hidden and the full tables are shown;
   - on a published policy version, everything about where it stands on the day it is read:
     the banner (applies, takes effect later, replaced and by which version, withdrawn), the
     open ends and later versions on "Which version applied when", the versions published
     since on the version history, and "(review overdue)" after its review date. It reads the
     policy's versions.json (written by `make publish`; each entry's properties are the
     version's record). Published pages are never rewritten, so none of this can be written
     into them; without scripts they say when they were published and link to the version
     that applies today. Pages outside a published version have no policy-version meta tag;
   - on the library home, "(review overdue)" after each review date, on the day. */
(function () {
  "use strict";

  function setUpFilters(form) {
    var table = document.querySelector(".library-table table");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = form.querySelector(".library-filters__count");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var match = selects.every(function (select) {
          return !select.value || row.getAttribute("data-" + select.dataset.filter) === select.value;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " policies.";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  function longDate(iso) {
    var parts = iso.split("-").map(Number);
    var months = ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"];
    return parts[2] + " " + months[parts[1] - 1] + " " + parts[0];
  }

  /* The date in the three boxes as YYYY-MM-DD, or a sentence saying what is wrong. */
  function enteredDate(form) {
    var value = function (name) { return form.querySelector("#on-a-date-" + name).value.trim(); };
    var day = value("day"), month = value("month"), year = value("year");
    if (!day || !month || !year) {
      return {error: "Enter the day, the month and the year, for example 19 12 2018."};
    }
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
      return {error: "Enter the date in numbers: the day and month in one or two figures " +
        "and the year in four, for example 19 12 2018."};
    }
    var date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 ||
        date.getUTCDate() !== Number(day)) {
      return {error: "That date does not exist. Check the day and the month."};
    }
    return {day: date.toISOString().slice(0, 10)};
  }

  function setUpDateBox(form) {
    var data = JSON.parse(document.getElementById("on-a-date-data").textContent);
    var answer = document.querySelector(".on-a-date__answer");
    var error = document.getElementById("on-a-date-error");
    function respond() {
      var entered = enteredDate(form);
      answer.textContent = "";
      error.hidden = !entered.error;
      error.textContent = entered.error || "";
      if (entered.error) return;
      var day = entered.day;
      var future = day > localToday();
      var heading = document.createElement("h2");
      heading.textContent = (future ? "Versions that will apply on " : "Versions that applied on ") +
        longDate(day) + (future ? ", as decided so far" : "");
      var list = document.createElement("ul");
      data.forEach(function (policy) {
        var period = policy.periods.filter(function (p) {
          return p.start <= day && (p.end === null || day <= p.end);
        })[0];
        var first = policy.periods[0];
        var item = document.createElement("li");
        item.appendChild(document.createTextNode(policy.title + ": "));
        if (!period) {
          var before = first && day < first.start;
          item.appendChild(document.createTextNode(
            (future ? "no version will apply" : "no version applied") +
            (before ? "; its first version " + (future ? "takes" : "took") + " effect on " +
              longDate(first.start) : "") +
            (before && policy.replaced ? ". The " + policy.replaced + (future ? " will apply" :
              " applied") + " instead, which is not published in this guide." : ".")));
        } else if (period.href) {
          var link = document.createElement("a");
          link.href = period.href;
          link.textContent = "version " + period.version;
          item.appendChild(link);
          item.appendChild(document.createTextNode(" (" + (future && period.start > localToday() ?
            "taking effect on " : "in force from ") + longDate(period.start) + ")."));
        } else {
          item.appendChild(document.createTextNode("version " + period.version +
            " (in force from " + longDate(period.start) + "), not published in this guide."));
        }
        list.appendChild(item);
      });
      answer.appendChild(heading);
      answer.appendChild(list);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); respond(); });
    form.hidden = false;
  }

  function localToday() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function dayBefore(iso) {
    var parts = iso.split("-").map(Number);
    var day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] - 1));
    return day.toISOString().slice(0, 10);
  }

  function older(a, b) {
    var x = a.split(".").map(Number), y = b.split(".").map(Number);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) < (y[i] || 0);
    }
    return false;
  }

  /* "(review overdue)" or "(review due soon)" after a stated review date, on the day. */
  function markReview(marker, today) {
    var due = marker.getAttribute("data-review-due");
    var soon = marker.getAttribute("data-review-soon");
    var words = today > due ? "review overdue" : (soon && today >= soon ? "review due soon" : "");
    marker.textContent = "";
    if (!words) return;
    var strong = document.createElement("strong");
    strong.textContent = "(" + words + ")";
    marker.appendChild(document.createTextNode(" "));
    marker.appendChild(strong);
  }

  /* The library home: each policy's review date, as it stands on the day. */
  function markHomeReviews() {
    var today = localToday();
    /* ... and drafts whose consultation has closed since the home was published */
    var open = document.querySelector(".open-consultations");
    if (open) {
      var items = open.querySelectorAll("li[data-closes]");
      var left = 0;
      Array.prototype.forEach.call(items, function (item) {
        item.hidden = item.getAttribute("data-closes") < today;
        if (!item.hidden) left += 1;
      });
      open.hidden = left === 0;
    }
    Array.prototype.forEach.call(document.querySelectorAll(".library-table [data-review-due]"),
      function (marker) { markReview(marker, today); });
  }

  /* On a published policy version: where it stands on the day the page is read. Every
     version's record is in the policy's versions.json, which every publish keeps up to date:
     its status, when it took effect, and when and by which version it was replaced, or when
     the policy was withdrawn (policy_guide/domain/published.py's VersionRecord). */
  function setUpVersionStanding() {
    var mine = document.querySelector('meta[name="policy-version"]');
    var list = document.querySelector('meta[name="policy-versions"]');
    if (!mine || !list) return;
    var folder = new URL(".", new URL(list.content, window.location.href));  /* <policy>/ */

    /* The same address in another version: swap this version's folder for the other's. */
    function sameAddressIn(version) {
      var here = window.location.pathname;
      var rest = here.indexOf(folder.pathname) === 0 ?
        here.slice(folder.pathname.length).replace(/^[^/]*\//, "") : "";
      return new URL(version + "/" + rest, folder).href;
    }

    function link(href, text) {
      var anchor = document.createElement("a");
      anchor.href = href;
      anchor.textContent = text;
      return anchor;
    }

    function appliesOn(record, day) {
      return record.effective_from && record.effective_from <= day &&
        !(record.replaced_on && record.replaced_on <= day) &&
        !(record.withdrawn_on && record.withdrawn_on <= day);
    }

    /* The banner's words, and the version whose page it links to (if any). */
    function standing(me, records, today) {
      var now = records.filter(function (r) { return appliesOn(r, today); })[0] || null;
      var v = "Version " + me.version;
      if (me.effective_from && me.effective_from > today) {
        return [v + " takes effect on " + longDate(me.effective_from) + "." +
          (now ? " Until then, version " + now.version + " applies." :
            " No version of this policy applies until then."), now, "current"];
      }
      if (me.withdrawn_on && me.withdrawn_on <= today) {
        return ["This policy was withdrawn on " + longDate(me.withdrawn_on) + ". No version " +
          "of it applies now. " + v + " is kept here exactly as it was published.", null,
          "withdrawn"];
      }
      if (me.replaced_on && me.replaced_on <= today) {
        return ["You are reading version " + me.version + ", kept as it was published. It was " +
          "replaced by version " + me.replaced_by + " on " + longDate(me.replaced_on) + "." +
          (now && now.version !== me.replaced_by ? " Version " + now.version +
            " applies now." : "") +
          (now ? "" : " No version of this policy applies now."), now, "replaced"];
      }
      if (appliesOn(me, today)) {
        var next = me.replaced_on ? " Version " + me.replaced_by + " replaces it on " +
          longDate(me.replaced_on) + "." : "";
        var ending = me.withdrawn_on ? " The policy is withdrawn on " +
          longDate(me.withdrawn_on) + "." : "";
        return [v + " applies today. It has been in force since " +
          longDate(me.effective_from) + "." + next + ending, null, "applies"];
      }
      return null;
    }

    function showBanner(said) {
      var banner = document.querySelector("[data-version-banner]");
      if (!banner || !said) return;
      var paragraph = document.createElement("p");
      paragraph.textContent = said[0] + " ";
      if (said[1]) paragraph.appendChild(link(sameAddressIn(said[1].version),
        "Read the version that applies now."));
      banner.textContent = "";
      banner.appendChild(paragraph);
      banner.setAttribute("data-standing", said[2]);
    }

    /* "Which version applied when": each open end, and the periods of later versions. */
    function fillPeriods(records, byVersion, today) {
      var ends = document.querySelectorAll("[data-period-end]");
      Array.prototype.forEach.call(ends, function (end) {
        var record = byVersion[end.getAttribute("data-period-end")];
        if (!record) return;
        var last = record.replaced_on || record.withdrawn_on;
        end.textContent = last ? longDate(dayBefore(last)) +
          (record.replaced_on ? "" : " (the policy was withdrawn)") :
          (record.effective_from <= today ? "Still in force" : "No end date set");
      });
      var body = ends.length ? ends[0].closest("tbody") : null;
      if (!body) return;
      /* Each new cell is labelled with its column's heading, as the page's own are, for
         phones (policy_guide/site/stacked_tables.py). */
      var labels = Array.prototype.map.call(body.parentNode.querySelectorAll("thead th"),
        function (heading) { return heading.textContent.trim(); });
      records.filter(function (r) {
        return older(mine.content, r.version) && r.effective_from;
      }).forEach(function (r) {
        var row = body.insertRow(0);
        var last = r.replaced_on || r.withdrawn_on;
        [r.version, longDate(r.effective_from),
          last ? longDate(dayBefore(last)) :
            (r.effective_from <= today ? "Still in force" : "No end date set")]
          .forEach(function (text) { row.insertCell().textContent = text; });
        row.insertCell().appendChild(link(new URL(r.version + "/policy/", folder).href,
          "Version " + r.version));
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (labels[index]) cell.setAttribute("data-label", labels[index]);
        });
      });
    }

    /* Version history: the versions published since this one. */
    function listLater(records, today) {
      var later = records.filter(function (r) { return older(mine.content, r.version); });
      Array.prototype.forEach.call(document.querySelectorAll("[data-later-versions]"),
        function (place) {
          place.textContent = later.length ? "Published since this version: " :
            "No later version of this policy has been published.";
          later.forEach(function (r, index) {
            place.appendChild(link(sameAddressIn(r.version), "version " + r.version));
            var when = r.effective_from ? (r.effective_from <= today ? " (in force from " :
              " (takes effect on ") + longDate(r.effective_from) + ")" : " (" + r.status + ")";
            place.appendChild(document.createTextNode(when +
              (index < later.length - 1 ? "; " : ".")));
          });
        });
    }

    fetch(new URL(list.content, window.location.href).href)
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (versions) {
        var today = localToday();
        var byVersion = {};
        var records = versions.filter(function (entry) { return entry.properties; })
          .map(function (entry) {
            var record = Object.assign({version: entry.version}, entry.properties);
            byVersion[entry.version] = record;
            return record;
          })
          .sort(function (a, b) { return older(a.version, b.version) ? -1 : 1; });
        var me = byVersion[mine.content];
        if (!me) return;  /* not in the record: the page stays as it was published */
        var said = standing(me, records, today);
        showBanner(said);
        fillPeriods(records, byVersion, today);
        listLater(records, today);
        Array.prototype.forEach.call(document.querySelectorAll("[data-review-due]"),
          function (marker) {
            if (said && said[2] === "applies") markReview(marker, today);
          });
      })
      .catch(function () { /* without the record, the page is shown as it was published */ });
  }

  /* On a draft published for consultation (<policy>/consultation/<version>/): once its
     closing date has passed, that the consultation has closed; once a later version is
     approved and published, that version and what the consultation changed (the approved
     version's comparison with this draft, compare/<draft>/). From the policy's
     versions.json, which every publish keeps up to date. */
  function setUpConsultation() {
    var banner = document.querySelector("[data-consultation-banner]");
    if (!banner) return;
    var closes = banner.getAttribute("data-closes");
    var draft = banner.getAttribute("data-draft");
    var status = banner.querySelector("[data-consultation-status]");
    var versionsUrl = new URL(banner.getAttribute("data-versions"), window.location.href);
    var folder = new URL(".", versionsUrl);  /* <policy>/ */

    function say(words, links) {
      status.textContent = words;
      links.forEach(function (pair) {
        status.appendChild(document.createTextNode(" "));
        var anchor = document.createElement("a");
        anchor.href = new URL(pair[0], folder).href;
        anchor.textContent = pair[1];
        status.appendChild(anchor);
      });
      banner.setAttribute("data-standing", "closed");
    }

    var today = localToday();
    if (today > closes) {
      say("The consultation closed on " + longDate(closes) + "." +
        (banner.hasAttribute("data-in-force") ? " The version in force still applies until " +
          "a new version is approved." : " No version of this policy is in force yet."),
        banner.hasAttribute("data-in-force") ? [["", "Open the version in force."]] : []);
    }
    fetch(versionsUrl.href)
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (versions) {
        var later = versions.filter(function (entry) {
          return entry.properties && older(draft, entry.version);
        }).sort(function (a, b) { return older(a.version, b.version) ? -1 : 1; });
        if (!later.length) return;
        var approved = later[0];
        say("The consultation has closed. Version " + approved.version + " was approved on " +
          longDate(approved.properties.date) + ".", [
            [approved.version + "/", "Read version " + approved.version + "."],
            [approved.version + "/compare/" + draft + "/",
              "See what changed after the consultation."]]);
        banner.setAttribute("data-standing", "approved");
      })
      .catch(function () { /* without the record, the banner stays as it was */ });
  }

  var filters = document.querySelector("form.library-filters");
  if (filters) setUpFilters(filters);
  var dateBox = document.querySelector("form.on-a-date");
  if (dateBox) setUpDateBox(dateBox);
  markHomeReviews();
  setUpVersionStanding();
  setUpConsultation();
})();
