// "Add another language" (any button with data-formset-add="<prefix>"): without JavaScript
// the button submits the page and the server sends it back as typed, with one more row.
// Here the row is added in place instead, cloned from <template id="<prefix>-row-template">
// (Django's empty form: "__prefix__" becomes the row's index, "__number__" its number),
// and the focus moves to its first field.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-formset-add]").forEach(function (button) {
    var prefix = button.getAttribute("data-formset-add");
    var template = document.getElementById(prefix + "-row-template");
    var rows = document.getElementById(prefix + "-rows");
    var total = document.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var max = document.querySelector("input[name='" + prefix + "-MAX_NUM_FORMS']");
    if (!template || !rows || !total) return;

    function count() { return parseInt(total.value, 10) || 0; }
    function full() { return max !== null && count() >= parseInt(max.value, 10); }

    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (full()) return;
      var index = count();
      var row = template.content.firstElementChild.cloneNode(true);
      [row].concat(Array.prototype.slice.call(row.querySelectorAll("*"))).forEach(function (element) {
        Array.prototype.slice.call(element.attributes).forEach(function (attribute) {
          var value = attribute.value.split("__prefix__").join(String(index)).split("__number__").join(String(index + 1));
          if (value !== attribute.value) element.setAttribute(attribute.name, value);
        });
      });
      rows.appendChild(row);
      total.value = String(index + 1);
      var field = row.querySelector("select, input, textarea");
      if (full()) (button.closest(".kern-btn-wrapper") || button).hidden = true;
      if (field) field.focus();
    });
  });
});
