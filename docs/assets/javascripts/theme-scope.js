/* Material's page-wide helpers, as its base template writes them inside every page, here in a
   file of the site's own (docs/overrides/partials/javascripts/base.html): where the site
   starts (the data-scope attribute, as the page is built), a short hash of a text, and
   reading and saving the reader's choices in the browser's storage, scoped to this site.
   Material's own script (assets/javascripts/bundle.*.js) calls these by name. */
(function () {
  "use strict";
  var scope = document.currentScript.getAttribute("data-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, character) {
      return (hash << 5) - hash + character.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      /* storage is full or switched off: the choice lasts for this page only */
    }
  };
})();
