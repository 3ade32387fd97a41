# socket UDP datagrams (sendto/recvfrom), socket.makefile in binary and text modes, select.poll.
import select
import socket
import threading

# UDP on the loopback
rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
addr = rx.getsockname()
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(rx.type, tx.family, tx.sendto(b"first datagram", addr), tx.sendto(b"second", 0, addr))
data, sender = rx.recvfrom(1024)
print(data, sender[1] == tx.getsockname()[1], sender[0])
buf = bytearray(4)
n, sender = rx.recvfrom_into(buf)
print(n, buf, sender[0])
rx.settimeout(0.05)
try:
    rx.recvfrom(10)
except socket.timeout as e:
    print("timeout:", e)
tx.connect(addr)
tx.send(b"connected send")
print(rx.recv(100))
rx.sendto(b"reply", tx.getsockname())
print(tx.recvfrom(100)[0])
for bad in (lambda: tx.sendto("text", addr), lambda: tx.sendto(b"x", ("127.0.0.1", 70000)),
            lambda: tx.sendto(b"x", "nope")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
tx.close()
rx.close()

# makefile over a socketpair
a, b = socket.socketpair()
wf = a.makefile("wb")
wf.write(b"line one\nline two\npartial")
wf.flush()
a.shutdown(socket.SHUT_WR)
rf = b.makefile("rb")
print(rf.readline(), rf.readline(), rf.read(3), rf.read(), rf.read())
wf.close()
rf.close()
a.close()
b.close()

a, b = socket.socketpair()
tw = a.makefile("w", encoding="utf-8")
tw.write("caf\u00e9 \u2603\r\nsecond line\n")
tw.write("third")
tw.close()
print(a.fileno() >= 0)
a.close()
print(a.fileno())
tr = b.makefile("r", encoding="utf-8")
print(tr.mode, [line for line in tr])
tr.close()
b.close()

# a line-based server with makefile, a client reading its answers line by line
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]


def serve():
    conn, _ = srv.accept()
    with conn, conn.makefile("rb") as rfile, conn.makefile("wb") as wfile:
        for line in rfile:
            wfile.write(b"echo: " + line.upper())
            wfile.flush()


t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    f = c.makefile("rw", encoding="ascii", newline="\n")
    for word in ("alpha", "beta"):
        f.write(word + "\n")
        f.flush()
        print(repr(f.readline()))
    c.shutdown(socket.SHUT_WR)
    print(repr(f.read()))
    f.close()
t.join()
srv.close()

for bad in (lambda: socket.socket().makefile("x"), lambda: socket.socket().makefile("r", buffering=0)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
a, b = socket.socketpair()
a.close()
b.close()
for mode in ("rb", "wb", "r", "w"):
    a, b = socket.socketpair()
    b.shutdown(socket.SHUT_WR)
    f = a.makefile(mode)
    print(repr(f).replace("name=%d" % a.fileno(), "name=FD").replace(" encoding='%s'" % getattr(f, "encoding", ""), ""))
    for op in (lambda: f.read(), lambda: f.write(b"x" if "b" in mode else "x"), lambda: f.write(1)):
        try:
            op()
        except Exception as e:
            print(" ", type(e).__name__ + ":", e)
    f.close()
    for op in (f.read, f.readline, f.flush, f.fileno, f.__iter__, f.readlines):
        try:
            op()
        except Exception as e:
            print(" ", type(e).__name__ + ":", e)
    a.close()
    b.close()

# select.poll
a, b = socket.socketpair()
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLIN | select.POLLOUT)
print(sorted(p.poll(0)) == [(b.fileno(), select.POLLOUT)])
a.sendall(b"ping")
events = dict(p.poll(1000))
print(events[b.fileno()] & select.POLLIN != 0, a.fileno() in events)
p.modify(b, select.POLLIN)
print(p.poll(100) == [(b.fileno(), select.POLLIN)], b.recv(10))
print(p.poll(0), p.poll(10))
p.unregister(b)
b.close()
print([ev & select.POLLOUT != 0 for fd, ev in p.poll(0)])
p.register(a, select.POLLOUT)
print([(fd == a.fileno(), ev & select.POLLOUT != 0) for fd, ev in p.poll(None)])
a.close()
for bad in (lambda: p.unregister(12345), lambda: p.modify(12345, select.POLLIN),
            lambda: p.register(-1), lambda: p.register("x"), lambda: p.poll("x"),
            lambda: p.register(1, -1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)

# a poll that waits while another thread runs: the thread's send wakes it
a, b = socket.socketpair()
p = select.poll()
p.register(b, select.POLLIN)
sender = threading.Thread(target=lambda: a.sendall(b"late"))
sender.start()
print([(fd == b.fileno(), ev & select.POLLIN != 0) for fd, ev in p.poll(5000)], b.recv(10))
sender.join()
a.close()
b.close()
