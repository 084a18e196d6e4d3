// The API documentation (templates/api/swagger.html): Swagger UI titles the
// page with an h1, its endpoint groups with h3 and their parts with h4.
// Screen readers and axe (heading-order) expect no level to be skipped, so
// each is announced one level higher (h3 as 2, h4 as 3) as soon as Swagger
// has drawn it.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || !window.MutationObserver) {
    return;
  }
  function level() {
    root.querySelectorAll("h3, h4, h5").forEach(function (heading) {
      var own = Number(heading.tagName.charAt(1));
      heading.setAttribute("aria-level", String(Math.max(2, own - 1)));
    });
  }
  new MutationObserver(level).observe(root, { childList: true, subtree: true });
  level();
})();
