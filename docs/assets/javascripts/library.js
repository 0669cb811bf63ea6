/* The policy library's own behaviour, on what the page already holds and the site's own
   files (no request goes to any other host):
   - the library home's filters (category and status), and the "on a date" box; without
     scripts the forms stay hidden and the full tables are shown;
   - on a published policy version, the banner saying, on the day it is read, whether this
     version applies, takes effect later, or has been replaced or withdrawn. It reads the
     policy's versions.json (written by `make publish`; each entry's properties give its
     status, decision date and effective date). Published pages are never rewritten, so this
     cannot be written into them. Pages outside a published version have no policy-version
     meta tag, and nothing happens. */
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

  function setUpDateBox(form) {
    var data = JSON.parse(document.getElementById("on-a-date-data").textContent);
    var answer = document.querySelector(".on-a-date__answer");
    var input = form.querySelector("input[type=date]");
    function respond() {
      var day = input.value;
      answer.textContent = "";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
      var heading = document.createElement("h2");
      heading.textContent = "Versions that applied on " + longDate(day);
      var list = document.createElement("ul");
      data.forEach(function (policy) {
        var period = policy.periods.filter(function (p) {
          return p.start <= day && (p.end === null || day <= p.end);
        })[0];
        var item = document.createElement("li");
        item.appendChild(document.createTextNode(policy.title + ": "));
        if (!period) {
          item.appendChild(document.createTextNode("no version applied."));
        } else if (period.href) {
          var link = document.createElement("a");
          link.href = period.href;
          link.textContent = "version " + period.version;
          item.appendChild(link);
          item.appendChild(document.createTextNode(" (from " + longDate(period.start) + ")."));
        } else {
          item.appendChild(document.createTextNode("version " + period.version +
            " (from " + longDate(period.start) + "), not published in this guide."));
        }
        list.appendChild(item);
      });
      answer.appendChild(heading);
      answer.appendChild(list);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); respond(); });
    input.addEventListener("change", respond);
    form.hidden = false;
  }

  /* On a published policy version: does it apply today? */
  function setUpVersionBanner() {
    var mine = document.querySelector('meta[name="policy-version"]');
    var list = document.querySelector('meta[name="policy-versions"]');
    var banner = document.querySelector("[data-version-banner]");
    if (!mine || !list || !banner) return;

    function localToday() {
      var now = new Date();
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    }

    function versionKey(version) {
      return version.split(".").map(Number);
    }

    function older(a, b) {
      var x = versionKey(a), y = versionKey(b);
      for (var i = 0; i < Math.max(x.length, y.length); i++) {
        if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) < (y[i] || 0);
      }
      return false;
    }

    /* The same address in another version: swap this version's folder for the other's. */
    function sameAddressIn(version) {
      var root = new URL(list.content, window.location.href);  /* <policy>/versions.json */
      var here = window.location.pathname;
      var folder = root.pathname.replace(/versions\.json$/, "");
      var rest = here.indexOf(folder) === 0 ? here.slice(folder.length).replace(/^[^/]*\//, "") : "";
      return new URL(folder + version + "/" + rest, window.location.href).href;
    }

    function show(text, version, label) {
      banner.textContent = text + " ";
      if (version) {
        var link = document.createElement("a");
        link.href = sameAddressIn(version);
        link.textContent = label;
        banner.appendChild(link);
      }
      banner.hidden = false;
    }

    fetch(new URL(list.content, window.location.href).href)
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (versions) {
        var today = localToday();
        var applying = null, withdrawn = null;
        versions.slice().sort(function (a, b) { return older(a.version, b.version) ? -1 : 1; })
          .forEach(function (entry) {
            var props = entry.properties || {};
            if (props.status === "withdrawn" && props.date <= today) {
              applying = null; withdrawn = entry;
            } else if (props.effective_from && props.effective_from <= today) {
              applying = entry; withdrawn = null;
            }
          });
        var me = versions.filter(function (entry) { return entry.version === mine.content; })[0];
        if (!me || (applying && applying.version === me.version)) return;
        var props = me.properties || {};
        if (props.effective_from && props.effective_from > today) {
          show("Version " + me.version + " takes effect on " + longDate(props.effective_from) +
            "." + (applying ? " Until then, version " + applying.version + " applies." : ""),
            applying && applying.version, applying && "Read the version that applies now.");
        } else if (withdrawn) {
          show("This policy was withdrawn on " + longDate(withdrawn.properties.date) +
            ". No version of it applies now. This page is kept as it was published.");
        } else if (applying && older(me.version, applying.version)) {
          show("You are reading version " + me.version + ", kept as it was published. It has " +
            "been replaced by version " + applying.version + ".", applying.version,
            "Read the version that applies now.");
        }
      })
      .catch(function () { /* without the list, the page is shown as it was published */ });
  }

  var filters = document.querySelector("form.library-filters");
  if (filters) setUpFilters(filters);
  var dateBox = document.querySelector("form.on-a-date");
  if (dateBox) setUpDateBox(dateBox);
  setUpVersionBanner();
})();
