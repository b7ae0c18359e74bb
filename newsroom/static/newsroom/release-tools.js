// Copy a release's text or link (templates/components/release_tools.html). Without this
// script the buttons stay hidden and the link is left in a read-only field to copy by hand.
(function () {
  "use strict";
  var tools = document.querySelector(".release-tools");
  if (!tools || !navigator.clipboard) { return; }
  var status = tools.querySelector("[role=status]");
  function text(selector) {
    var node = document.querySelector(selector);
    return node ? node.innerText.trim() : "";
  }
  function plainText() {
    return [text(".release h1"), text(".release__meta time"), text(".release .lead"),
            text(".release__body")].filter(Boolean).join("\n\n") + "\n";
  }
  function copy(value) {
    navigator.clipboard.writeText(value).then(function () {
      status.textContent = status.dataset.copied;
    }, function () {
      status.textContent = status.dataset.failed;
    });
  }
  tools.querySelector("[data-copy-text]").addEventListener("click", function () { copy(plainText()); });
  tools.querySelector("[data-copy-link]").addEventListener("click", function () {
    copy(tools.querySelector("#release-link").value);
  });
  tools.querySelectorAll("[data-copy-text], [data-copy-link]").forEach(function (button) {
    button.hidden = false;
  });
}());
