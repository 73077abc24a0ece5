// The editor's label field suggests existing labels for the label being typed, wherever it is in the
// comma-separated list. Without this script the page's <datalist> still suggests them for the first
// label; with it, that list feeds this one (a combobox with a listbox, as WAI-ARIA describes).
(function () {
  "use strict";
  var input = document.getElementById("post-labels");
  var known = document.getElementById("known-labels");
  var list = document.getElementById("label-suggestions");
  if (!input || !known || !list) {
    return;
  }
  var MAX_SHOWN = 8;
  var labels = Array.prototype.map.call(known.options, function (option) { return option.value; });
  var active = -1;
  input.removeAttribute("list"); // the browser's own popup would match the whole field, not the last label
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  function split() {
    var cut = input.value.lastIndexOf(",");
    return { done: input.value.slice(0, cut + 1), typing: input.value.slice(cut + 1).trim() };
  }

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function pick(label) {
    var done = split().done;
    input.value = (done ? done + " " : "") + label + ", ";
    close();
    input.focus();
  }

  function matches(typing, done) {
    var wanted = " " + typing.toLowerCase();
    var chosen = done.split(",").map(function (part) { return part.trim().toLowerCase(); });
    return labels.filter(function (label) {
      var name = " " + label.toLowerCase();
      return name.indexOf(wanted) >= 0 && chosen.indexOf(name.slice(1)) < 0; // any word may start it
    }).slice(0, MAX_SHOWN);
  }

  function show() {
    var parts = split();
    close();
    if (!parts.typing) {
      return;
    }
    matches(parts.typing, parts.done).forEach(function (label, i) {
      var option = document.createElement("li");
      option.id = "label-suggestion-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = label;
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep the focus in the field
        pick(label);
      });
      list.appendChild(option);
    });
    if (list.children.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function highlight(index) {
    var options = list.children;
    active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", show);
  input.addEventListener("blur", close);
  input.addEventListener("keydown", function (event) {
    if (list.hidden) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault(); // choosing a label must not send the form
      pick(list.children[active].textContent);
    } else if (event.key === "Escape") {
      close();
    }
  });
}());
