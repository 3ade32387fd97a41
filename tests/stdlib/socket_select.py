# socket and select: a TCP echo server in a green thread (its blocking accept lets the main
# thread's clients run), socketpair, timeouts, non-blocking mode, select, bad arguments.
import socket, select, threading

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
print(srv.family, srv.type, srv.gettimeout(), srv.getblocking(), isinstance(port, int))
log = []

def serve(n):
    for _ in range(n):
        conn, addr = srv.accept()
        with conn:
            log.append(("accepted", addr[0]))
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())

t = threading.Thread(target=serve, args=(2,))
t.start()
for msg in (b"hello", b"second client"):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        c.sendall(msg)
        c.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            d = c.recv(3)
            if not d:
                break
            chunks.append(d)
        print(b"".join(chunks))
t.join()
print(log)
srv.close()
print(srv.fileno(), repr(srv))

a, b = socket.socketpair()
with a, b:
    a.sendall(b"ping")
    print(select.select([b], [], [], 1.0)[0] == [b], b.recv(10))
    print(select.select([b], [], [], 0))
    b.settimeout(0.05)
    try:
        b.recv(10)
    except socket.timeout as e:
        print("timeout:", e, type(e).__name__, isinstance(e, OSError))
    b.setblocking(False)
    try:
        b.recv(10)
    except BlockingIOError as e:
        print("BlockingIOError:", e.errno)
    a.close()
    print(b.recv(10))
print(isinstance(socket.gethostname(), str), socket.gethostbyname("localhost"))
s = socket.socket()
try:
    s.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError:", e)
s.close()
s = socket.socket()
print(s.connect_ex(("127.0.0.1", port)))
s.close()
try:
    s.send(b"x")
except OSError as e:
    print("OSError:", e)
for bad in (lambda: socket.socket().bind("nope"), lambda: socket.socket().settimeout(-1), lambda: socket.socket().settimeout("x"),
            lambda: select.select([-1], [], []), lambda: select.select([object()], [], []), lambda: socket.socket().connect(("127.0.0.1", 70000)),
            lambda: socket.getaddrinfo("127.0.0.1", "nosuchservice")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)

import time
a, b = socket.socketpair()

def producer():
    for i in range(3):
        time.sleep(0.01)
        a.sendall(b"%d;" % i)
    a.close()

worker = threading.Thread(target=producer)
worker.start()
got = b""
while True:
    d = b.recv(100)  # the main thread blocks here while the producer sleeps and sends
    if not d:
        break
    got += d
worker.join()
b.close()
print(got)
r, w = socket.socketpair()
with r, w:
    def late_writer():
        time.sleep(0.02)
        w.send(b"!")
    threading.Thread(target=late_writer).start()
    print(select.select([r], [], [], 5)[0] == [r], r.recv(1))
