"""URL handling (Python's urllib package): urllib.parse."""
