import configparser
import io
import os
import tempfile

text = """
# a comment
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9

[bitbucket.org]
User = hg
home = /home/%(user)s
percent = 100%%

[topsecret.server.com]
Port: 50022
ForwardX11 = no
description = first line
    second line
    third line
ratio = 0.75
; another comment
"""
config = configparser.ConfigParser()
config.read_string(text)
print(config.sections(), config.defaults())
print(config.get("bitbucket.org", "user"), config["bitbucket.org"]["User"], config["bitbucket.org"]["home"])
print(config.get("bitbucket.org", "percent"), config.get("bitbucket.org", "home", raw=True))
print(config.getint("topsecret.server.com", "port"), config.getfloat("topsecret.server.com", "ratio"))
print(config.getboolean("topsecret.server.com", "forwardx11"), config.getboolean("bitbucket.org", "compression"))
print(repr(config["topsecret.server.com"]["description"]))
print(config.options("bitbucket.org"))
print(config.items("bitbucket.org"))
print(config.has_section("bitbucket.org"), config.has_section("nope"), config.has_option("bitbucket.org", "Compression"))
print(config.get("bitbucket.org", "missing", fallback="fb"), config.getint("nope", "x", fallback=7))
print(config["topsecret.server.com"].getint("port"), config["bitbucket.org"].get("missing", "dflt"))
print(list(config), "bitbucket.org" in config, len(config), config["DEFAULT"]["compressionlevel"])
print(dict(config["bitbucket.org"]))
config.add_section("new")
config.set("new", "Key", "value")
config["other"] = {"a": "1", "B": "two"}
config.remove_option("bitbucket.org", "percent")
out = io.StringIO()
config.write(out)
print(out.getvalue())
for call in (lambda: config.get("nope", "x"), lambda: config.get("new", "nokey"),
             lambda: config.add_section("new"), lambda: config.getboolean("new", "key"),
             lambda: config.read_string("key = value"),
             lambda: config.read_string("[s]\na = 1\na = 2"),
             lambda: configparser.ConfigParser().read_string("[s]\nx = %(nope)s\n") or
             configparser.ConfigParser().get("s", "x")):
    try:
        call()
    except (configparser.Error, ValueError) as e:
        print(type(e).__name__ + ":", e)
bad = configparser.ConfigParser()
bad.read_string("[s]\nx = %(nope)s\n")
try:
    bad.get("s", "x")
except configparser.InterpolationMissingOptionError as e:
    print("InterpolationMissingOptionError:", e)
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[paths]\nroot = /srv\ndata = ${root}/data\n[app]\nlog = ${paths:data}/log $$HOME\n")
print(ext["app"]["log"], ext.get("paths", "data"))
raw = configparser.RawConfigParser()
raw.read_string("[r]\nv = %(x)s literal\n")
print(raw.get("r", "v"))
d = tempfile.mkdtemp()
p = os.path.join(d, "app.ini")
with open(p, "w") as f:
    f.write("[server]\nhost = localhost\nport = 8080\n")
c2 = configparser.ConfigParser(defaults={"timeout": "30"})
print(c2.read([p, os.path.join(d, "missing.ini")]) == [p], c2["server"]["timeout"], c2.getint("server", "port"))
nv = configparser.ConfigParser(allow_no_value=True)
nv.read_string("[flags]\nverbose\nlevel = 3\n")
print(nv.get("flags", "verbose"), nv.items("flags"))
os.remove(p)
os.rmdir(d)
