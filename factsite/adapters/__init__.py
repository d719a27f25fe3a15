"""Engine adapters: what turns the core's pages into a site with a given engine (MkDocs 1.6, ProperDocs, Zensical)."""
