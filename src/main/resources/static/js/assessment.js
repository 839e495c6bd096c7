// Assessment forms: a question with a show-if condition is shown only while the earlier answer it names is
// one of its values; a hidden question's inputs are disabled so they are not sent. The server checks again.
// A long form (the deep assessment) goes one section a screen, with where one is and how far to go; the
// sections not on the screen stay in the form, so everything is sent (and kept as a draft) together.
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

  var sections = form.querySelectorAll("fieldset");
  if (form.getAttribute("data-steps") !== "true" || sections.length < 2) {
    return;
  }
  var save = form.querySelector("button[type=submit].primary");
  var bar = document.createElement("div");
  bar.className = "steps-bar";
  var label = document.createElement("p");
  label.className = "step-of";
  label.setAttribute("aria-live", "polite");
  var progress = document.createElement("progress");
  progress.max = sections.length;
  bar.appendChild(label);
  bar.appendChild(progress);
  form.insertBefore(bar, sections[0]);
  var nav = document.createElement("p");
  nav.className = "step-nav";
  var back = document.createElement("button");
  back.type = "button";
  back.textContent = form.getAttribute("data-step-back");
  var next = document.createElement("button");
  next.type = "button";
  next.className = "primary";
  next.textContent = form.getAttribute("data-step-next");
  nav.appendChild(back);
  nav.appendChild(next);
  form.insertBefore(nav, save);
  // a section with a problem the server named opens first
  var current = 0;
  Array.prototype.some.call(sections, function (section, index) {
    if (section.querySelector(".error")) {
      current = index;
      return true;
    }
    return false;
  });
  function show(index) {
    current = Math.max(0, Math.min(sections.length - 1, index));
    Array.prototype.forEach.call(sections, function (section, i) { section.hidden = i !== current; });
    label.textContent = form.getAttribute("data-step-of").replace("{0}", current + 1).replace("{1}", sections.length);
    progress.value = current + 1;
    back.hidden = current === 0;
    next.hidden = current === sections.length - 1;
    save.hidden = current !== sections.length - 1;
  }
  back.addEventListener("click", function () {
    show(current - 1);
    bar.scrollIntoView();
  });
  next.addEventListener("click", function () {
    show(current + 1);
    bar.scrollIntoView();
  });
  // the server's reasons for a refused record were put beside their questions: the first such part opens
  form.addEventListener("simpul:problems", function () {
    Array.prototype.some.call(sections, function (section, index) {
      if (section.querySelector(".error")) {
        show(index);
        return true;
      }
      return false;
    });
  });
  // Enter in a field goes to the next section, not off to the server with half the answers
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.tagName === "INPUT" && current < sections.length - 1) {
      event.preventDefault();
      show(current + 1);
    }
  });
  show(current);
})();
