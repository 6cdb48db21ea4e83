/* The pack's worksheets: answers kept in this browser's local storage (one entry
   per workshop), printed with the pack, saved as a text file, or cleared.
   Nothing is ever sent anywhere. */
(function () {
  "use strict";
  var root = document.documentElement;
  var key = root.getAttribute("data-answers-key");
  var fields = Array.prototype.slice.call(document.querySelectorAll("[data-answer]"));
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(key);
  } catch (e) {
    store = null;
  }

  function nameOf(field) {
    return field.type === "radio" ? field.name : field.id;
  }

  function collect() {
    var answers = {};
    fields.forEach(function (field) {
      if (field.type === "radio") {
        if (field.checked) { answers[field.name] = field.value; }
      } else if (field.value) {
        answers[field.id] = field.value;
      }
    });
    return answers;
  }

  function restore() {
    var saved = {};
    if (!store) { return; }
    try {
      saved = JSON.parse(store.getItem(key) || "{}") || {};
    } catch (e) {
      saved = {};
    }
    fields.forEach(function (field) {
      var value = saved[nameOf(field)];
      if (value === undefined) { return; }
      if (field.type === "radio") {
        field.checked = field.value === value;
      } else {
        field.value = value;
      }
    });
  }

  function keep() {
    if (!store) { return; }
    try {
      store.setItem(key, JSON.stringify(collect()));
    } catch (e) {
      /* storage full or refused: the answers stay on the page */
    }
  }

  function say(text) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-status]"), function (el) {
      el.textContent = "";
    });
    var status = document.activeElement && document.activeElement.closest("[data-tools]");
    status = status ? status.querySelector("[data-status]") : document.querySelector("[data-status]");
    if (status) { status.textContent = text; }
  }

  function fillPrintCopies() {
    fields.forEach(function (field) {
      if (field.tagName !== "TEXTAREA") { return; }
      var copy = field.parentNode.querySelector(".print-answer");
      if (copy) {
        copy.textContent = field.value;
        copy.style.setProperty("--lines", String(field.rows || 4));
      }
    });
  }

  function answersText() {
    var lines = [document.title, ""];
    var answers = collect();
    var done = {};
    fields.forEach(function (field) {
      var name = nameOf(field);
      if (done[name] || answers[name] === undefined) { return; }
      done[name] = true;
      lines.push(field.getAttribute("data-label") || name);
      lines.push(answers[name]);
      lines.push("");
    });
    return lines.join("\n");
  }

  function saveFile(button) {
    var blob = new Blob([answersText()], { type: "text/plain;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (root.getAttribute("data-file-name") || "answers") + "-answers.txt";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    say(button.getAttribute("data-done") || "");
  }

  function clearAll(button) {
    if (!window.confirm(button.getAttribute("data-confirm"))) { return; }
    fields.forEach(function (field) {
      if (field.type === "radio") { field.checked = false; } else { field.value = ""; }
    });
    if (store) { store.removeItem(key); }
    plotGrids();
    say(button.getAttribute("data-done") || "");
  }

  function plotGrids() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-grid-plot]"), function (svg) {
      var box = svg.closest("fieldset");
      Array.prototype.forEach.call(svg.querySelectorAll(".grid-dot"), function (dot) { dot.remove(); });
      Array.prototype.forEach.call(box.querySelectorAll("[data-grid-item]"), function (item, i) {
        var x = item.querySelector("[data-axis=x]").value;
        var y = item.querySelector("[data-axis=y]").value;
        if (!x || !y) { return; }
        var ns = "http://www.w3.org/2000/svg";
        var text = document.createElementNS(ns, "text");
        text.setAttribute("class", "grid-dot");
        text.setAttribute("x", String(10 + (Number(x) - 0.5) * 22));
        text.setAttribute("y", String(110 - (Number(y) - 0.5) * 22 + 3));
        text.setAttribute("text-anchor", "middle");
        text.textContent = String(i + 1);
        svg.appendChild(text);
      });
    });
  }

  restore();
  plotGrids();
  fillPrintCopies();
  document.addEventListener("input", function (event) {
    if (event.target.hasAttribute("data-answer")) { keep(); plotGrids(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target.hasAttribute("data-answer")) { keep(); plotGrids(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("form.worksheet"), function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });
  window.addEventListener("beforeprint", fillPrintCopies);
  Array.prototype.forEach.call(document.querySelectorAll("[data-tools]"), function (tools) {
    tools.hidden = false;
    if (!store) {
      tools.querySelector("p").textContent = tools.getAttribute("data-no-storage") || "";
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-action]");
    if (!button) { return; }
    var action = button.getAttribute("data-action");
    if (action === "save") { saveFile(button); }
    if (action === "print") { fillPrintCopies(); window.print(); }
    if (action === "clear") { clearAll(button); }
  });
}());
