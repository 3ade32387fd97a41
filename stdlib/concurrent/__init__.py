"""Package concurrent: concurrent.futures."""
