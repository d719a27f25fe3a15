"""Never doing work twice: cache entries on disk, checked articles and page bodies kept between builds, parallel
workers.

- `store.py`: cache entries as files (written atomically, read back only when intact);
- `fingerprints.py`: the hashes of what a cached result depends on (files, code, templates, theme, versions);
- `check_cache.py`: checked articles, by their files' bytes, the settings and the code;
- `page_cache.py`: each article's composed pages, the site-wide publication problems, the manifest of a built site;
- `workers.py`: the one way factsite runs work in parallel: forked processes, results back through a pipe;
- `memory.py`: what lives for a whole build, set aside from the garbage collector.
"""
