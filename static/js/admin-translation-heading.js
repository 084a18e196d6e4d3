// wagtail-localize's translation editor writes its section heading in
// English inside its script ("Deutsch to Українська translation"), out of
// reach of any catalogue; this renames it "Übersetzung Deutsch → Українська"
// as soon as the editor has drawn it. Loaded in the admin only
// (pages.wagtail_hooks).
(function () {
  "use strict";
  var pattern = /^(.+) to (.+) translation$/;
  function rename(root) {
    root.querySelectorAll("section h3").forEach(function (heading) {
      var match = pattern.exec(heading.textContent.trim());
      if (match) {
        heading.textContent = "Übersetzung " + match[1] + " → " + match[2];
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var editor = document.querySelector("#edit-translation, [data-wagtail-localize], main");
    if (!editor) {
      return;
    }
    rename(editor);
    new MutationObserver(function () {
      rename(editor);
    }).observe(editor, { childList: true, subtree: true });
  });
})();
