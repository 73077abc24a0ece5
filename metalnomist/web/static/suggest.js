// Suggestions under a text field as the user types: a combobox with a listbox, as WAI-ARIA describes.
// Every <input data-suggest="LISTBOX-ID"> gets one. Its choices come from
//  - data-suggest-url: a JSON endpoint asked for the typed text (`prefix=…&limit=…`, answering
//    {"values": [{"value", "facts", "url"?}]}), for lists too long to send with the page (/data's
//    filters, the series menu); a choice with a `url` is opened rather than filled in; or
//  - its <datalist>, matched here, for short lists (the desk's labels).
// data-suggest-several: the field is a comma-separated list and suggestions are for its last item.
// Without this script the field still works: the browser's own <datalist> popup offers the list,
// and any typed value is sent with the form.
(function () {
  "use strict";
  var MAX_SHOWN = 8;
  var WAIT_MS = 120; // typing faster than this asks the server once, for the last text

  function attach(input) {
    var list = document.getElementById(input.getAttribute("data-suggest"));
    var url = input.getAttribute("data-suggest-url");
    var several = input.hasAttribute("data-suggest-several");
    var known = input.list ? Array.prototype.map.call(input.list.options, function (option) {
      return { value: option.value, text: option.value };
    }) : [];
    var active = -1;
    var asked = 0; // answers to older questions arrive late and are dropped
    var timer = null;
    if (!list) {
      return;
    }
    input.removeAttribute("list"); // the browser's own popup would match the whole field, and only the list
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function split() {
      if (!several) {
        return { done: "", typing: input.value.trim() };
      }
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

    function pick(value, url) {
      if (url) {
        close();
        window.location.assign(url);
        return;
      }
      var done = split().done;
      input.value = several ? (done ? done + " " : "") + value + ", " : value;
      close();
      input.focus();
    }

    function matches(typing, done) {
      var wanted = " " + typing.toLowerCase();
      var chosen = done.split(",").map(function (part) { return part.trim().toLowerCase(); });
      return known.filter(function (choice) {
        var name = " " + choice.value.toLowerCase();
        return name.indexOf(wanted) >= 0 && chosen.indexOf(name.slice(1)) < 0; // any word may start it
      }).slice(0, MAX_SHOWN);
    }

    function show(choices) {
      close();
      choices.forEach(function (choice, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-value", choice.value);
        if (choice.url) {
          option.setAttribute("data-url", choice.url);
        }
        option.textContent = choice.text;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
          pick(choice.value, choice.url);
        });
        list.appendChild(option);
      });
      if (list.children.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function ask(typing) {
      var question = ++asked;
      var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "limit=" + MAX_SHOWN +
        "&prefix=" + encodeURIComponent(typing);
      fetch(address, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { values: [] }; })
        .then(function (answer) {
          if (question !== asked || split().typing !== typing) {
            return;
          }
          show(answer.values.map(function (found) {
            return { value: found.value, url: found.url,
                     text: found.value + " (" + found.facts.toLocaleString("en") + ")" };
          }));
        })
        .catch(close); // offline or refused: the field still takes any text
    }

    function suggest() {
      var parts = split();
      clearTimeout(timer);
      if (!parts.typing) {
        asked++;
        close();
      } else if (url) {
        timer = setTimeout(function () { ask(parts.typing); }, WAIT_MS);
      } else {
        show(matches(parts.typing, parts.done));
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

    input.addEventListener("input", suggest);
    input.addEventListener("blur", function () { asked++; close(); });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault(); // choosing a suggestion must not send the form
        var option = list.children[active];
        pick(option.getAttribute("data-value"), option.getAttribute("data-url"));
      } else if (event.key === "Escape") {
        close();
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), attach);
}());
