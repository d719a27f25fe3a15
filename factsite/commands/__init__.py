"""The command line: `check`, `suggest`, `new`, `links`, `build` and `serve`."""
