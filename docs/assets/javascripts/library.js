/* The library home's filters (category and status) and the "on a date" box. Both work on
   what the page already holds: no request goes anywhere. Without scripts the forms stay
   hidden and the full tables are shown. */
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

  var filters = document.querySelector("form.library-filters");
  if (filters) setUpFilters(filters);
  var dateBox = document.querySelector("form.on-a-date");
  if (dateBox) setUpDateBox(dateBox);
})();
