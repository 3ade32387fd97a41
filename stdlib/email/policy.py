"""Policies for the email package: compat32 and the EmailPolicy family (default, strict, SMTP,
HTTP, SMTPUTF8). Follows CPython's Lib/email/policy.py, except that header values are kept as
str (CPython wraps them in email.headerregistry objects): a fetched value has its encoded words
decoded, and a stored value that is not plain ASCII within the line length is folded by
email.header's folder."""
import re
import sys
from email._policybase import Policy, Compat32, compat32
from email.utils import _has_surrogates
from email.contentmanager import raw_data_manager
from email.message import EmailMessage

__all__ = [
    'Compat32',
    'compat32',
    'Policy',
    'EmailPolicy',
    'default',
    'strict',
    'SMTP',
    'HTTP',
    ]

linesep_splitter = re.compile(r'\n|\r')

_UNIQUE_HEADERS = frozenset((
    'orig-date', 'date', 'sender', 'from', 'reply-to', 'to', 'cc', 'bcc', 'message-id',
    'in-reply-to', 'references', 'subject', 'mime-version', 'content-type',
    'content-disposition', 'content-transfer-encoding', 'content-id',
))


def _decode_words(value):
    if '=?' not in value:
        return value
    from email.header import decode_header, make_header
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value


class EmailPolicy(Policy):

    message_factory = EmailMessage
    utf8 = False
    refold_source = 'long'
    content_manager = raw_data_manager

    def header_max_count(self, name):
        return 1 if name.lower() in _UNIQUE_HEADERS else None

    def header_source_parse(self, sourcelines):
        name, value = sourcelines[0].split(':', 1)
        value = value.lstrip(' \t') + ''.join(sourcelines[1:])
        return (name, value.rstrip('\r\n'))

    def header_store_parse(self, name, value):
        value = str(value)
        if len(value.splitlines()) > 1:
            raise ValueError("Header values may not contain linefeed "
                             "or carriage return characters")
        return (name, value)

    def header_fetch_parse(self, name, value):
        value = ''.join(linesep_splitter.split(value))
        return _decode_words(value)

    def fold(self, name, value):
        return self._fold(name, value, refold_binary=True)

    def fold_binary(self, name, value):
        folded = self._fold(name, value, refold_binary=self.cte_type == '7bit')
        charset = 'utf8' if self.utf8 else 'ascii'
        return folded.encode(charset, 'surrogateescape')

    def _fold(self, name, value, refold_binary=False):
        maxlen = self.max_line_length if self.max_line_length else sys.maxsize
        lines = value.splitlines()
        refold = (self.refold_source == 'all' or
                  self.refold_source == 'long' and
                    (lines and len(lines[0])+len(name)+2 > maxlen or
                     any(len(x) > maxlen for x in lines[1:])))
        needs_encoding = not value.isascii() and not self.utf8
        if refold or needs_encoding or refold_binary and _has_surrogates(value):
            from email.header import Header
            charset = 'utf-8' if needs_encoding else None
            header = Header(''.join(lines), charset=charset, header_name=name,
                            maxlinelen=self.max_line_length or 0)
            return name + ': ' + header.encode(linesep=self.linesep) + self.linesep
        return name + ': ' + self.linesep.join(lines) + self.linesep


default = EmailPolicy()
strict = default.clone(raise_on_defect=True)
SMTP = default.clone(linesep='\r\n')
HTTP = default.clone(linesep='\r\n', max_line_length=None)
SMTPUTF8 = SMTP.clone(utf8=True)
