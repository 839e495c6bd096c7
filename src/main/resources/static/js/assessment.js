// Assessment forms: a question with a show-if condition is shown only while the earlier answer it names is
// one of its values; a hidden question's inputs are disabled so they are not sent. The server checks again.
(function () {
  "use strict";
  var form = document.querySelector("form.assessment");
  if (!form) {
    return;
  }
  function chosen(question) {
    return Array.prototype.filter.call(form.querySelectorAll('[name="q.' + question + '"]'), function (input) {
      return !input.disabled && ((input.type !== "radio" && input.type !== "checkbox") || input.checked);
    }).map(function (input) { return input.value; });
  }
  function update() {
    form.querySelectorAll("[data-show-if]").forEach(function (question) {
      var values = question.getAttribute("data-show-values").split(" ");
      var shown = chosen(question.getAttribute("data-show-if")).some(function (v) { return values.indexOf(v) >= 0; });
      question.hidden = !shown;
      question.querySelectorAll("input, textarea, select").forEach(function (input) { input.disabled = !shown; });
    });
  }
  form.addEventListener("change", update);
  update();
})();
