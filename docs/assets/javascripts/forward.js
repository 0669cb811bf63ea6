/* The page at <policy>/ sends readers on to the version that applies now (data-to, such as
   "current/"), keeping any search words and #part of the address they came with. Without
   scripts, the page's refresh does the same, without them. The page is written by
   `make publish` (docs/overrides/redirect.html). */
(function () {
  "use strict";
  var to = document.currentScript.getAttribute("data-to");
  window.location.replace(new URL(to, window.location.href).href.split(/[?#]/)[0] +
    window.location.search + window.location.hash);
})();
