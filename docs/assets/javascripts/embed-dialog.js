/*
 * Embed buttons and the embed dialog on module pages.
 *
 * macros/hooks.py writes the page's embed targets (whole page, each section, each comparison
 * table, the self-check) as JSON into #embed-targets, each with its ready-made iframe code.
 * This script puts an "Embed" button next to each and opens one native <dialog> that shows
 * the code, copies it and links to a preview. Without JavaScript there are no buttons, and
 * docs/instructors/embedding.md explains the addresses instead.
 */
(function () {
  "use strict";

  var data = document.getElementById("embed-targets");
  var article = document.querySelector("article");
  if (!data || !article || typeof HTMLDialogElement !== "function") {
    return;
  }
  var targets = JSON.parse(data.textContent).targets;
  var opener = null;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // One dialog for the page, filled in for whichever button opened it.
  // md-typeset: the dialog sits outside the article, and Material styles its buttons only inside that class.
  var dialog = element("dialog", { "class": "embed-dialog md-typeset", "aria-labelledby": "embed-dialog-title" });
  var heading = element("h2", { id: "embed-dialog-title" });
  var help = element("p", { id: "embed-dialog-help" },
    "Paste this code into your learning platform's HTML editor. The frame sizes itself where the " +
    "platform allows it, and credits the course.");
  var label = element("label", { "for": "embed-dialog-code" }, "Embed code");
  var code = element("textarea", { id: "embed-dialog-code", rows: "5", readonly: "", spellcheck: "false",
    "aria-describedby": "embed-dialog-help" });
  var copy = element("button", { type: "button", "class": "md-button md-button--primary" }, "Copy code");
  // A real address from the start (open() sets the chosen one): a link without href is not crawlable (Lighthouse SEO).
  var preview = element("a", { "class": "md-button", href: targets[0].preview, target: "_blank", rel: "noopener" },
    "Preview");
  var close = element("button", { type: "button", "class": "md-button" }, "Close");
  var status = element("p", { "class": "embed-dialog-status", role: "status" });
  var actions = element("div", { "class": "embed-dialog-actions" });
  actions.append(copy, preview, close);
  dialog.append(heading, help, label, code, actions, status);
  document.body.appendChild(dialog);

  function open(target, button) {
    opener = button;
    heading.textContent = "Embed this " + target.label + ": " + target.title;
    code.value = target.code;
    preview.href = target.preview;
    status.textContent = "";
    dialog.showModal();
    code.focus();
    code.select();
  }

  close.addEventListener("click", function () {
    dialog.close();
  });
  // showModal() already closes on Escape; closing by any means returns focus to the button.
  dialog.addEventListener("close", function () {
    if (opener) {
      opener.focus();
    }
  });

  copy.addEventListener("click", function () {
    function copied() {
      status.textContent = "Copied. Paste it into your platform's HTML editor.";
    }
    function manual() {
      code.focus();
      code.select();
      status.textContent = "Your browser blocked copying: the code is selected, press Ctrl+C or Cmd+C.";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.value).then(copied, manual);
    } else {
      manual();
    }
  });

  function tableKey(table) {
    var groups = table.querySelectorAll("tbody[data-group]");
    return groups.length === 1 ? "table-" + groups[0].getAttribute("data-group") : "table-all";
  }

  // Where each kind of target sits on the page; the button goes right after its heading or before its block.
  function place(target) {
    if (target.kind === "page") {
      var title = article.querySelector("h1");
      return title && { node: title, after: true };
    }
    if (target.kind === "section") {
      var section = document.getElementById(target.key);
      return section && { node: section, after: true };
    }
    if (target.kind === "table") {
      var tables = Array.prototype.slice.call(article.querySelectorAll(".comparison-table"));
      var table = tables.filter(function (t) { return tableKey(t) === target.key; })[0];
      return table && { node: table, after: false };
    }
    if (target.kind === "figure") {
      var figure = document.getElementById(target.key);
      return figure && { node: figure, after: false };
    }
    var quiz = article.querySelector("[data-embed='quiz'], div.quiz");
    return quiz && { node: quiz, after: false };
  }

  targets.forEach(function (target) {
    var spot = place(target);
    if (!spot) {
      return;
    }
    var button = element("button", { type: "button", "class": "embed-button", "data-embed-kind": target.kind },
      "Embed");
    // The visible word starts the accessible name, which says what would be embedded.
    button.appendChild(element("span", { "class": "embed-visually-hidden" },
      " this " + target.label + ": " + target.title));
    button.addEventListener("click", function () {
      open(target, button);
    });
    var holder = element("p", { "class": "embed-button-holder" });
    holder.appendChild(button);
    spot.node.parentNode.insertBefore(holder, spot.after ? spot.node.nextSibling : spot.node);
  });
})();
