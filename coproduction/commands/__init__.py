"""One module per command, each a plain typed function; `coproduction.main` parses and calls them."""
