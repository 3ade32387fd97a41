from html.parser import HTMLParser


class Dump(HTMLParser):
    def handle_starttag(self, tag, attrs):
        print("start", tag, attrs, self.getpos())

    def handle_endtag(self, tag):
        print("end", tag)

    def handle_startendtag(self, tag, attrs):
        print("startend", tag, attrs)

    def handle_data(self, data):
        print("data", repr(data))

    def handle_comment(self, data):
        print("comment", repr(data))

    def handle_decl(self, decl):
        print("decl", repr(decl))

    def handle_pi(self, data):
        print("pi", repr(data))

    def handle_charref(self, name):
        print("charref", name)

    def handle_entityref(self, name):
        print("entityref", name)

    def unknown_decl(self, data):
        print("unknown", repr(data))


doc = """<!DOCTYPE html>
<html lang="en"><head><title>Test &amp; check</title>
<script type="text/javascript">if (a < b && c > d) { x = "</p>"; }</script>
<style>p > a { color: red }</style></head>
<body CLASS='Main' data-x=5 hidden>
<!-- a comment -->
<p>Hello, <b>world</b>&nbsp;&#169;&#x263A; &unknown; 3 < 4</p>
<img src="a.png" alt="A &quot;pic&quot;"/><br>
<?xml-stylesheet href="s.css"?>
<![CDATA[raw]]>
</body></html>"""
p = Dump()
p.feed(doc)
p.close()
print("--- no charref conversion, fed in pieces")
q = Dump(convert_charrefs=False)
for piece in ["<p class=", "'x'>a &amp", "; b &#6", "5; c</", "p>tail"]:
    q.feed(piece)
q.close()


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())


l = Links()
l.feed('<ul><li><a href="/one">One</a></li><li><A HREF="/two?x=1&amp;y=2">Two</A></li></ul>')
l.close()
print(l.links, l.text, l.get_starttag_text())
