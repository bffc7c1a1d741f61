// After the search form is sent with htmx, move the keyboard focus to the results heading,
// as a full page load would: screen readers read the heading and the announced count, and
// keyboard users continue in the results. Filter changes (one step per arrow key) keep the
// focus where it is, so that the next step is still one key press away.
document.addEventListener("htmx:afterSwap", function (event) {
  var trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
  if (!trigger || trigger.type !== "submit") return;
  var heading = document.getElementById("results-heading");
  if (heading) heading.focus();
});
