"""MIME message classes for building messages by hand (Python's email.mime): MIMEBase,
MIMENonMultipart, MIMEMultipart, MIMEText, MIMEApplication, MIMEMessage. Follows CPython's Lib/email/mime."""
