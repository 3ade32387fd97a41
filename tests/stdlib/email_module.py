# email: EmailMessage/Message headers and content, multipart messages, parsing with
# message_from_string, email.mime, and email.utils' address, date and message-id helpers.
import datetime
import email
import email.utils
from email import policy
from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.parser import Parser, HeaderParser, BytesParser


def show(label, thunk):
    try:
        print(label, "->", repr(thunk()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


# EmailMessage with the default policy
msg = EmailMessage()
msg["Subject"] = "Meeting notes"
msg["From"] = "Alice Example <alice@example.com>"
msg["To"] = "bob@example.org, carol@example.net"
msg.set_content("Hello Bob,\n\nSee you at ten.\n")
print(msg.as_string())
print(msg["subject"], "|", msg.get("X-Missing"), "|", msg.get("X-Missing", "dflt"))
print(msg.keys(), len(msg), "to" in msg, "Cc" in msg)
print(msg.get_content_type(), msg.get_content_maintype(), msg.get_content_subtype())
print(msg.get_content_charset(), msg.get_param("charset"), msg.get_params())
print(repr(msg.get_content()), msg.is_multipart(), msg.get_default_type())
show("duplicate Subject", lambda: msg.__setitem__("Subject", "again"))
del msg["Subject"]
msg["Subject"] = "Replaced"
msg.replace_header("To", "dave@example.com")
print(msg.items()[:3], msg.values()[-1])
msg.add_header("X-Tag", "one")
msg.add_header("X-Tag", "two")
print(msg.get_all("X-Tag"), msg.get_all("X-None"), msg.get_all("X-None", []))
msg.add_header("Content-Disposition", "attachment", filename="notes.txt")
print(msg["Content-Disposition"], msg.get_filename(), msg.get_content_disposition(), msg.is_attachment())

# bytes content, attachments and multipart/mixed
m2 = EmailMessage()
m2["Subject"] = "Report"
m2.set_content("The report is attached.")
m2.add_attachment(b"\x00\x01binary data\xff", maintype="application", subtype="octet-stream",
                  filename="data.bin")
print(m2.is_multipart(), m2.get_content_type(), [p.get_content_type() for p in m2.iter_parts()])
body = m2.get_body(preferencelist=("plain",))
print(repr(body.get_content()))
att = next(m2.iter_attachments())
print(att.get_filename(), att.get_content(), att["Content-Transfer-Encoding"])
flat = m2.as_string()
boundary = m2.get_boundary()
print(flat.replace(boundary, "BOUNDARY"))

# html alternative
m3 = EmailMessage()
m3["Subject"] = "Alt"
m3.set_content("plain text")
m3.add_alternative("<p>html text</p>", subtype="html")
print(m3.get_content_type(), [p.get_content_type() for p in m3.iter_parts()])
print(m3.get_body().get_content_type(), m3.get_body(preferencelist=("plain",)).get_content())
m4 = EmailMessage()
m4.set_content("x" * 100 + "\nnon-ascii: caf\u00e9\n", cte="quoted-printable")
print(m4["Content-Transfer-Encoding"], repr(m4.get_content()))
print(m4.get_payload())
m5 = EmailMessage()
m5.set_content("base64 body\n", cte="base64")
print(m5.get_payload(), repr(m5.get_payload(decode=True)), repr(m5.get_content()))
m6 = EmailMessage()
m6.set_content(b"\x89PNG....", maintype="image", subtype="png", disposition="inline")
print(m6["Content-Type"], m6["Content-Disposition"], m6.get_content()[:4])

# the compat32 Message API
old = Message()
old["Subject"] = "old style"
old["X-Dup"] = "a"
old["X-Dup"] = "b"
old.set_payload("payload text")
old.set_param("charset", "us-ascii")
old.set_param("format", "flowed")
print(old.as_string())
print(old["X-Dup"], old.get_all("X-Dup"), old.get_payload(), old.get_param("format"))
old.del_param("format")
old.set_type("text/html")
print(old["Content-Type"], old.get_charsets())
print(str(old).splitlines()[0])

# email.mime
outer = MIMEMultipart()
outer["Subject"] = "mime"
outer.preamble = "preamble line"
outer.attach(MIMEText("first part"))
outer.attach(MIMEText("<b>second</b>", "html", "utf-8"))
outer.attach(MIMEApplication(b"abc", Name="x.bin"))
outer.set_boundary("===BOUND===")
print(outer.as_string())
print([p.get_content_type() for p in outer.walk()], len(outer.get_payload()))
print(repr(outer.get_payload(1).get_payload(decode=True)), outer.get_payload(2).get_payload())

# parsing
raw = """From: "Doe, John" <john@example.com>
To: a@example.com, B <b@example.com>
Subject: =?utf-8?q?caf=C3=A9_menu?=
Date: Tue, 01 Aug 2023 10:20:30 +0200
Message-ID: <123@example.com>
Received: from a
    by b; Tue, 01 Aug 2023 10:20:30 +0200
Content-Type: multipart/alternative; boundary="XYZ"

preamble
--XYZ
Content-Type: text/plain; charset="us-ascii"

plain body
--XYZ
Content-Type: text/html

<p>html</p>
--XYZ--
epilogue
"""
p = email.message_from_string(raw)
print(type(p).__name__, p["Subject"], "|", p["From"], "|", p.get_boundary(), p.is_multipart())
print(repr(p["Received"]), p.preamble, repr(p.epilogue))
print([part.get_content_type() for part in p.walk()], repr(p.get_payload(0).get_payload()))
print(email.utils.getaddresses(p.get_all("To")), email.utils.parseaddr(p["From"]))
print(email.utils.parsedate_to_datetime(p["Date"]))
q = email.message_from_string(raw, policy=policy.default)
print(type(q).__name__, q["Subject"], q.get_body(preferencelist=("html", "plain")).get_content())
print([part.get_content() for part in q.iter_parts()])
h = HeaderParser().parsestr(raw)
print(h["To"], repr(h.get_payload()[:9]))
b = BytesParser(policy=policy.default).parsebytes(b"Subject: bytes\n\nbody\n")
print(b["Subject"], repr(b.get_content()))
plain = Parser().parsestr("Subject: no body")
print(plain["Subject"], repr(plain.get_payload()), plain.defects)
bad = email.message_from_string("Subject: x\nbroken header line\n\nbody")
print(bad.keys(), repr(bad.get_payload()), [type(d).__name__ for d in bad.defects])
print(email.message_from_bytes(b"A: 1\r\nB: 2\r\n\r\nx\r\n").items())

# email.utils
u = email.utils
print(u.formataddr(("Alice Example", "alice@example.com")), u.formataddr((None, "x@y.z")))
print(u.formataddr(("Doe, John", "john@example.com")), u.formataddr(("Caf\u00e9", "c@example.com")))
print(u.parseaddr("Bob <bob@example.org>"), u.parseaddr("plain@example.org"))
print(u.parseaddr('"quoted \\"name\\"" <q@example.com>'), u.parseaddr("a@b (comment)"))
print(u.getaddresses(["A <a@x.com>, b@y.com", "C <c@z.com>"]))
print(u.formatdate(0), u.formatdate(1700000000, usegmt=True), u.formatdate(86400 * 365.25 * 30))
print(u.format_datetime(datetime.datetime(2024, 2, 29, 13, 5, 9, tzinfo=datetime.timezone.utc)))
print(u.format_datetime(datetime.datetime(2024, 2, 29, 13, 5, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))))
print(u.format_datetime(datetime.datetime(2024, 2, 29, 13, 5, 9)))
print(u.parsedate("Mon, 20 Nov 1995 19:12:08 -0500"), u.parsedate_tz("Mon, 20 Nov 1995 19:12:08 -0500"))
print(u.parsedate_to_datetime("Mon, 20 Nov 1995 19:12:08 GMT"), u.mktime_tz(u.parsedate_tz("Thu, 01 Jan 1970 00:00:10 +0000")))
print(u.parsedate("garbage"), u.parsedate_tz("5 Jan 2001 12:00"))
show("parsedate_to_datetime garbage", lambda: u.parsedate_to_datetime("garbage"))
mid = u.make_msgid(domain="example.com")
print(mid.startswith("<"), mid.endswith("@example.com>"), mid.count("."), mid != u.make_msgid(domain="example.com"))
mid = u.make_msgid(idstring="tag", domain="d.org")
print(mid.endswith(".tag@d.org>"), mid.count("."))
print(u.quote('a "b" \\c'), u.unquote('"quoted"'), u.unquote("<angle>"), u.unquote("plain"))
print(u.collapse_rfc2231_value(("utf-8", "", "caf%C3%A9")), u.decode_rfc2231("utf-8''caf%C3%A9"))
print(u.encode_rfc2231("caf\u00e9", "utf-8"), u.encode_rfc2231("plain"))
print(u.localtime(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)).utcoffset() is not None)

import quopri
print(quopri.encodestring(b"caf\xc3\xa9 = tab\there \n" + b"y" * 80), quopri.decodestring(b"caf=C3=A9=\n=3D ok"))
print(quopri.encodestring(b"a b_c", header=True), quopri.decodestring(b"a_b=3F", header=True))
