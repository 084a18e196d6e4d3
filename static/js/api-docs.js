// The API documentation (templates/api/swagger.html): Swagger UI titles the
// page with an h1 and its endpoint groups with h3. Screen readers and axe
// (heading-order) expect no level to be skipped, so the groups are announced
// as level 2 as soon as Swagger has drawn them.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || !window.MutationObserver) {
    return;
  }
  function level() {
    root.querySelectorAll(".opblock-tag-section > h3").forEach(function (heading) {
      heading.setAttribute("aria-level", "2");
    });
  }
  new MutationObserver(level).observe(root, { childList: true, subtree: true });
  level();
})();
