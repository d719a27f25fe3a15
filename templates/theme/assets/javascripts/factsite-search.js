// Starts Pagefind's search box on the search page. A file of its own, not an inline script: the
// Content-Security-Policy of every page forbids inline scripts. `?q=words` opens with a search.
(function () {
  var element = document.getElementById("fs-search");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  var search = new PagefindUI({
    element: "#fs-search",
    // Pagefind's result addresses start at the site's root; the site may live under a sub-path,
    // and this page is at <site>/search/.
    baseUrl: new URL("../", window.location.href).pathname,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    search.triggerSearch(query);
  }
})();
