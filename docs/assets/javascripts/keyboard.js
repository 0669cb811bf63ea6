/* Keyboard access that Material for MkDocs leaves out. Loaded on every page after Material's
   own script (extra_javascript in mkdocs.yml); tests/browser checks both fixes. */
(function () {
  "use strict";

  /* At phone width, or zoomed in, the header's menu and search buttons are the only way to the
     navigation and the search. Material draws them as <label>s for hidden checkboxes, which the
     Tab key never reaches. Swap each for a real button that works the same checkbox, so it can
     be reached, is announced by name, and says whether the menu is open. The label stays in
     pages without this script, where a mouse or a tap still works it. */
  var HEADER_BUTTONS = { __drawer: "Menu", __search: "Search this guide" };

  function headerButton(label, name) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("for", label.htmlFor);  /* Material's CSS hides these by [for] */
    button.setAttribute("aria-label", name);
    while (label.firstChild) button.appendChild(label.firstChild);  /* its icon */
    button.addEventListener("click", function () {
      toggle.click();
      var input = document.querySelector(".md-search__input");
      if (label.htmlFor === "__search" && toggle.checked && input) input.focus();
    });
    if (label.htmlFor === "__drawer") {
      var showState = function () {
        button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      };
      toggle.addEventListener("change", showState);
      showState();
    }
    label.replaceWith(button);
  }

  /* A table too wide for the screen scrolls sideways. Let keyboard users focus it to scroll it
     with the arrow keys, and tell screen reader users what the focused area is. */
  function scrollableTable(wrap) {
    var table = wrap.querySelector("table");
    var caption = table && table.querySelector("caption");
    var update = function () {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim()
          : "Table, scroll sideways to see all of it");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    };
    update();
    if (window.ResizeObserver) new ResizeObserver(update).observe(wrap);
  }

  /* Tabbing out of the search box leaves Material's grey overlay over the page, hiding where
     focus went. Close search as soon as focus moves anywhere outside it. */
  function closeSearchWhenFocusLeaves(event) {
    var toggle = document.getElementById("__search");
    if (toggle && toggle.checked && !event.target.closest(".md-search")) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function enhance() {
    Object.keys(HEADER_BUTTONS).forEach(function (id) {
      var label = document.querySelector(".md-header label[for='" + id + "']");
      if (label) headerButton(label, HEADER_BUTTONS[id]);
    });
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(scrollableTable);
  }

  document.addEventListener("focusin", closeSearchWhenFocusLeaves);

  /* Material tells extra scripts when a page is ready (after it has wrapped the tables). */
  if (window.document$) window.document$.subscribe(enhance);
  else document.addEventListener("DOMContentLoaded", enhance);
})();
