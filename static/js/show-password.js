// "Show password": one checkbox under the password fields of each form, added only where
// JavaScript runs (without it, nothing is promised that does not work). The label comes
// translated from the <template id="ln-show-password"> in base.html.
document.addEventListener("DOMContentLoaded", function () {
  var template = document.getElementById("ln-show-password");
  if (!template) return;
  document.querySelectorAll("main form").forEach(function (form, index) {
    var fields = form.querySelectorAll("input[type=password]");
    if (!fields.length) return;
    var toggle = template.content.firstElementChild.cloneNode(true);
    var box = toggle.querySelector("input");
    var id = "ln-show-password-" + index;
    box.id = id;
    toggle.querySelector("label").setAttribute("for", id);
    box.addEventListener("change", function () {
      fields.forEach(function (field) { field.type = box.checked ? "text" : "password"; });
    });
    var last = fields[fields.length - 1].closest(".ln-field") || fields[fields.length - 1];
    last.insertAdjacentElement("afterend", toggle);
  });
});
