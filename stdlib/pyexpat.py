"""pyexpat, the module CPython's xml.parsers.expat re-exports: the same objects."""
from xml.parsers.expat import *
from xml.parsers.expat import errors, model, xmlparser
