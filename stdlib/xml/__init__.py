"""XML processing (Python's xml package): xml.etree.ElementTree."""
