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
    // A claim is indexed as a section of its article's document, under a heading whose id is its page's
    // address relative to the article (factsite/adapters/mkdocs/search_documents.py): a result is an
    // article, with the claims the words were found in below it, each linking to its own page.
    showSubResults: true,
    processResult: function (result) {
      (result.sub_results || []).forEach(function (section) {
        section.url = section.url.replace(/#(claims\/[^#\/]+\/)$/, "$1");
      });
      return result;
    },
    resetStyles: false,
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    search.triggerSearch(query);
  }
})();
