"""The MkDocs adapter: the only part of factsite that imports MkDocs."""
