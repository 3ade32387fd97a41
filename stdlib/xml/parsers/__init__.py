"""XML parsers (Python's xml.parsers): xml.parsers.expat."""
