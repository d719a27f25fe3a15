// The search page: a form (`?q=words` opens with a search) and its results, on Pagefind's JavaScript API.
// A file of its own, not an inline script: the Content-Security-Policy of every page forbids inline scripts.
//
// A search fetches Pagefind's engine and list of documents, then for each word of the query the index chunk
// whose range of words holds it, whole, then the text (fragment) of each result shown. The chunks of words
// nearly every article holds are large, so a query of several of them went past the 300 KB a search may
// transfer. Before searching, this script keeps the query's words, rarest (smallest chunk) first, while their
// chunks fit the bytes left for them (`chunk_bytes` in pagefind/factsite-budget.json, written at build time
// by factsite/adapters/mkdocs/search_budget.py, which holds the budget's arithmetic), and names the words it
// left out. A query of only common words searches its rarest one. Without that file (an index of a Pagefind
// version the build could not read) every word is searched, as Pagefind alone does.
//
// Nothing from content is parsed as HTML here: titles are set as text, and an excerpt (Pagefind's text with
// `<mark>` around the words found, `<` and `>` written `&lt;` `&gt;`) is cut at its marks and built as text
// nodes and <mark> elements.
(function () {
  "use strict";
  var form = document.getElementById("fs-search");
  if (!form || !window.fetch || !window.Promise) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("fs-search-status");
  var list = document.getElementById("fs-search-results");
  var words = form.dataset;
  var language = document.documentElement.lang || "en";
  // Results shown (each fetches its document's text) and claims listed under each: the budget counts the
  // fragments of this many results (search_budget.RESULTS_SHOWN).
  var RESULTS = 5;
  var CLAIMS = 3;
  // Typing waits this long after the last key before it searches (Pagefind's own interface waits 300 ms), so
  // that the prefixes typed on the way ("c", "co", "cou") do not each fetch a chunk.
  var PAUSE_MS = 300;
  var siteRoot = new URL("../", window.location.href);
  var bundle = new URL("pagefind/", siteRoot).href;
  var engine = null;
  var latest = 0;
  var timer = null;

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(bundle + "pagefind.js").then(function (pagefind) {
          // Pagefind's addresses start at the site's root; the site may live under a sub-path.
          return pagefind.options({ baseUrl: siteRoot.pathname }).then(function () {
            return pagefind;
          });
        }),
        fetch(bundle + "factsite-budget.json")
          .then(function (response) {
            return response.ok ? response.json() : null;
          })
          .catch(function () {
            return null;
          }),
      ]);
    }
    return engine;
  }

  // The query's words as Pagefind reads them (coupled_search.ts): lower-case, punctuation dropped (not split on),
  // whitespace between words.
  var PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;
  function wordsOf(query) {
    var segments;
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      segments = Array.from(new Intl.Segmenter(language, { granularity: "grapheme" }).segment(query), function (s) {
        return s.segment;
      });
    } else {
      segments = Array.from(query);
    }
    var kept = segments
      .filter(function (segment) {
        return !PUNCTUATION.test(segment);
      })
      .map(function (segment) {
        return segment.toLocaleLowerCase();
      });
    return kept.join("").split(/\s+/).filter(Boolean);
  }

  // The chunk Pagefind fetches for `word` (pagefind_web's request_indexes): the first whose range holds it, else
  // the first whose range holds it once both are cut to the shorter (Pagefind shortens a range's bounds to the
  // letters that tell neighbouring chunks apart: "ni" for a chunk ending with "night"). Pagefind 1.3 takes the
  // second only when no word of the query has a chunk, 1.5 for each word that has none (measured: 8 chunks for
  // `water mains swimming pool night bus council plans`); counting it for every such word holds for both.
  function chunkOf(word, chunks) {
    var loose = -1;
    for (var i = 0; i < chunks.length; i++) {
      var from = chunks[i][0];
      var to = chunks[i][1];
      if (word >= from && word <= to) {
        return i;
      }
      var a = Math.min(word.length, from.length);
      var b = Math.min(word.length, to.length);
      if (loose < 0 && word.slice(0, a) >= from.slice(0, a) && word.slice(0, b) <= to.slice(0, b)) {
        loose = i;
      }
    }
    return loose;
  }

  // Bytes of the chunks Pagefind fetches to search `chosen` (each chunk once).
  function cost(chosen, chunks) {
    var seen = {};
    return chosen.reduce(function (total, word) {
      var index = chunkOf(word, chunks);
      if (index < 0 || seen[index]) {
        return total;
      }
      seen[index] = true;
      return total + chunks[index][2];
    }, 0);
  }

  // The words to search, in the reader's order, and those left out: the rarest first while the chunks fit.
  function choose(all, budget) {
    var unique = all.filter(function (word, index) {
      return all.indexOf(word) === index;
    });
    if (!budget || !Array.isArray(budget.chunks) || unique.length < 2) {
      return { searched: unique, leftOut: [] };
    }
    var chunks = budget.chunks;
    var rarest = unique.slice().sort(function (a, b) {
      return cost([a], chunks) - cost([b], chunks) || unique.indexOf(a) - unique.indexOf(b);
    });
    var kept = [rarest[0]];
    rarest.slice(1).forEach(function (word) {
      if (cost(kept.concat([word]), chunks) <= budget.chunk_bytes) {
        kept.push(word);
      }
    });
    return {
      searched: unique.filter(function (word) {
        return kept.indexOf(word) >= 0;
      }),
      leftOut: unique.filter(function (word) {
        return kept.indexOf(word) < 0;
      }),
    };
  }

  function number(value) {
    var digits = words.digits || "0123456789";
    return String(value).replace(/[0-9]/g, function (digit) {
      return digits.charAt(Number(digit));
    });
  }

  function listOf(items) {
    if (typeof Intl !== "undefined" && Intl.ListFormat) {
      return new Intl.ListFormat(language, { type: "unit" }).format(items);
    }
    return items.join(", ");
  }

  function say(template, name, value) {
    return template.split("{" + name + "}").join(value);
  }

  // Pagefind's excerpt as text nodes and <mark> elements.
  function excerpt(text) {
    var paragraph = document.createElement("p");
    paragraph.className = "fs-search__excerpt";
    String(text || "")
      .split(/(<mark>|<\/mark>)/)
      .reduce(function (marked, piece) {
        if (piece === "<mark>") {
          return true;
        }
        if (piece === "</mark>") {
          return false;
        }
        if (piece) {
          var node = document.createTextNode(piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
          if (marked) {
            var mark = document.createElement("mark");
            mark.appendChild(node);
            node = mark;
          }
          paragraph.appendChild(node);
        }
        return marked;
      }, false);
    return paragraph;
  }

  function link(url, title, className) {
    var anchor = document.createElement("a");
    anchor.className = className;
    anchor.href = url;
    anchor.textContent = title;
    return anchor;
  }

  // A claim is indexed as a section of its article's document, under a heading whose id is its page's address
  // relative to the article (factsite/adapters/mkdocs/search_documents.py): it links to its own page.
  function claimsOf(data) {
    return (data.sub_results || [])
      .filter(function (section) {
        return /#claims\/[^#\/]+\/$/.test(section.url);
      })
      .map(function (section, index) {
        return { section: section, index: index };
      })
      .sort(function (a, b) {
        return (b.section.locations || []).length - (a.section.locations || []).length || a.index - b.index;
      })
      .slice(0, CLAIMS)
      .map(function (item) {
        var section = item.section;
        var entry = document.createElement("li");
        entry.className = "fs-search__claim";
        var url = section.url.replace(/#(claims\/[^#\/]+\/)$/, "$1");
        entry.appendChild(link(url, section.title, "fs-search__claim-link"));
        entry.appendChild(excerpt(section.excerpt));
        return entry;
      });
  }

  function show(data) {
    var item = document.createElement("li");
    item.className = "fs-search__result";
    var title = document.createElement("h2");
    title.className = "fs-search__result-title";
    title.appendChild(link(data.url, (data.meta && data.meta.title) || data.url, "fs-search__result-link"));
    item.appendChild(title);
    item.appendChild(excerpt(data.excerpt));
    var claims = claimsOf(data);
    if (claims.length) {
      var nested = document.createElement("ul");
      nested.className = "fs-search__claims";
      claims.forEach(function (claim) {
        nested.appendChild(claim);
      });
      item.appendChild(nested);
    }
    return item;
  }

  function report(lines) {
    status.textContent = "";
    lines.forEach(function (line) {
      var paragraph = document.createElement("p");
      paragraph.textContent = line;
      status.appendChild(paragraph);
    });
  }

  function search(query) {
    var id = ++latest;
    var all = wordsOf(query);
    if (!all.length) {
      report([]);
      list.textContent = "";
      return Promise.resolve();
    }
    report([words.searching]);
    return load()
      .then(function (loaded) {
        var pagefind = loaded[0];
        var chosen = choose(all, loaded[1]);
        var exact = /^\s*".+"\s*$/.test(query) && !chosen.leftOut.length;
        var term = chosen.searched.join(" ");
        return pagefind.search(exact ? '"' + term + '"' : term).then(function (found) {
          var results = (found && found.results) || [];
          return Promise.all(
            results.slice(0, RESULTS).map(function (result) {
              return result.data();
            })
          ).then(function (data) {
            if (id !== latest) {
              return;
            }
            var lines = [];
            if (chosen.leftOut.length) {
              lines.push(say(words.searched, "words", listOf(chosen.searched)));
              lines.push(say(words.leftOut, "words", listOf(chosen.leftOut)));
            }
            if (!results.length) {
              lines.unshift(say(words.none, "query", query.trim()));
            } else {
              var summary = say(words.found, "count", number(results.length));
              if (results.length > RESULTS) {
                summary += " " + say(words.shown, "count", number(RESULTS));
              }
              lines.unshift(summary);
            }
            list.textContent = "";
            data.forEach(function (entry) {
              list.appendChild(show(entry));
            });
            report(lines);
          });
        });
      })
      .catch(function () {
        if (id === latest) {
          list.textContent = "";
          report([words.failed]);
        }
      });
  }

  function address(query) {
    var url = new URL(window.location.href);
    if (query.trim()) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url.href);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      address(input.value);
      search(input.value);
    }, PAUSE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    address(input.value);
    search(input.value);
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    search(query);
  }
})();
