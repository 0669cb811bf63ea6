/* Tells readers of a published policy version, on the day they read it, whether that
   version applies. Reads the policy's versions.json (written by `make publish`; each entry's
   properties give its status, decision date and effective date) and fills the banner that
   overrides/main.html places above the page. Pages outside a published version have no
   policy-version meta tag, and nothing happens. */
(function () {
  "use strict";
  var mine = document.querySelector('meta[name="policy-version"]');
  var list = document.querySelector('meta[name="policy-versions"]');
  var banner = document.querySelector("[data-version-banner]");
  if (!mine || !list || !banner) return;

  function localToday() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function longDate(iso) {
    var parts = iso.split("-").map(Number);
    var months = ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"];
    return parts[2] + " " + months[parts[1] - 1] + " " + parts[0];
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
})();
