"""URL handling (Python's urllib): the parse submodule."""
