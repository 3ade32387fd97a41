"""email.mime.nonmultipart, following CPython's Lib/email/mime/nonmultipart.py."""

__all__ = ['MIMENonMultipart']

from email import errors
from email.mime.base import MIMEBase

class MIMENonMultipart(MIMEBase):

    def attach(self, payload):
        raise errors.MultipartConversionError(
            'Cannot attach additional subparts to non-multipart/*')
