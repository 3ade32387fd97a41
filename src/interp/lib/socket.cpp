// _socket: the BSD socket calls behind Python's socket and select modules (stdlib/socket.py,
// stdlib/select.py make the socket objects, timeouts and blocking over these). Every descriptor
// made here is non-blocking: a call that would block returns None, and socket.py waits for the
// descriptor (wait()) — in poll() when the program has no other green thread, else handing the
// turn to the others between short polls, so a blocking accept() does not freeze them.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj* t_gaierror = nullptr;

[[noreturn]] void os_fail(int err = errno) { raise_errno(err); }

int fd_of(const Value& v) { return (int)as_index(v); }

void set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) os_fail();
  fcntl(fd, F_SETFD, FD_CLOEXEC);
}

// A Python address (host, port) / (host, port, flowinfo, scope_id) / path as a sockaddr.
// `call` names the call in errors, as CPython does ("bind(): port must be 0-65535.").
socklen_t to_sockaddr(const char* call, int family, const Value& addr, sockaddr_storage& ss) {
  std::memset(&ss, 0, sizeof ss);
  if (family == AF_UNIX) {
    std::string path = addr.is(OK::Bytes) ? addr.as<BytesObj>()->s : to_str(addr);
    auto* un = (sockaddr_un*)&ss;
    if (path.size() >= sizeof un->sun_path) raise("OSError", "AF_UNIX path too long");
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    return (socklen_t)(offsetof(sockaddr_un, sun_path) + path.size() + 1);
  }
  if (!addr.is(OK::Tuple))
    raise("TypeError", std::string(call) + "(): " + (family == AF_INET ? "AF_INET" : "AF_INET6") +
                           " address must be tuple, not " + type_name(addr));
  const ValueVec& t = addr.as<TupleObj>()->v;
  if (t.size() < 2) raise("TypeError", std::string(call) + "(): AF_INET address must be a pair (host, port)");
  std::string host = to_str(t[0]);
  int64_t port = as_index(t[1]);
  if (port < 0 || port > 65535) raise("OverflowError", std::string(call) + "(): port must be 0-65535.");
  if (host.empty()) host = family == AF_INET ? "0.0.0.0" : "::";
  if (host == "<broadcast>") host = "255.255.255.255";
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = family;
  int rc = getaddrinfo(host.c_str(), nullptr, &hints, &res);
  if (rc != 0) throw PyError(make_exception(t_gaierror, ValueVec{Value::integer(rc), mk_str(gai_strerror(rc))}));
  std::memcpy(&ss, res->ai_addr, res->ai_addrlen);
  socklen_t len = res->ai_addrlen;
  freeaddrinfo(res);
  if (family == AF_INET) ((sockaddr_in*)&ss)->sin_port = htons((uint16_t)port);
  else ((sockaddr_in6*)&ss)->sin6_port = htons((uint16_t)port);
  return len;
}

Value from_sockaddr(const sockaddr* sa, socklen_t len) {
  char host[INET6_ADDRSTRLEN] = "";
  if (sa->sa_family == AF_INET) {
    auto* in = (const sockaddr_in*)sa;
    inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
    return mk_tuple({mk_str(host), Value::integer(ntohs(in->sin_port))});
  }
  if (sa->sa_family == AF_INET6) {
    auto* in6 = (const sockaddr_in6*)sa;
    inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
    return mk_tuple({mk_str(host), Value::integer(ntohs(in6->sin6_port)), Value::integer(ntohl(in6->sin6_flowinfo)),
                     Value::integer(in6->sin6_scope_id)});
  }
  if (sa->sa_family == AF_UNIX) {
    auto* un = (const sockaddr_un*)sa;
    size_t n = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
    std::string path(un->sun_path, strnlen(un->sun_path, n));
    return mk_str(path);
  }
  return Value();
}

bool would_block(int err) { return err == EAGAIN || err == EWOULDBLOCK; }

Value socket_new(ARGS) {
  check_args("socket", n, 3, 3);
  int fd = ::socket((int)as_index(a[0]), (int)as_index(a[1]), (int)as_index(a[2]));
  if (fd < 0) os_fail();
  set_nonblocking(fd);
  return Value::integer(fd);
}

Value socketpair(ARGS) {
  check_args("socketpair", n, 3, 3);
  int fds[2];
  if (::socketpair((int)as_index(a[0]), (int)as_index(a[1]), (int)as_index(a[2]), fds) < 0) os_fail();
  set_nonblocking(fds[0]);
  set_nonblocking(fds[1]);
  return mk_tuple({Value::integer(fds[0]), Value::integer(fds[1])});
}

// The descriptor an existing one is a socket of: (family, type, proto), made non-blocking.
Value adopt(ARGS) {
  check_args("adopt", n, 1, 1);
  int fd = fd_of(a[0]);
  int family = 0, type = 0, proto = 0;
  socklen_t len = sizeof(int);
  sockaddr_storage ss{};
  socklen_t slen = sizeof ss;
  if (getsockname(fd, (sockaddr*)&ss, &slen) < 0) os_fail();
  family = ss.ss_family;
  getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len);
  len = sizeof(int);
  getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len);
  set_nonblocking(fd);
  return mk_tuple({Value::integer(family), Value::integer(type), Value::integer(proto)});
}

Value bind_(ARGS) {
  check_args("bind", n, 3, 3);
  sockaddr_storage ss;
  socklen_t len = to_sockaddr("bind", (int)as_index(a[1]), a[2], ss);
  if (::bind(fd_of(a[0]), (sockaddr*)&ss, len) < 0) os_fail();
  return Value();
}

Value listen_(ARGS) {
  check_args("listen", n, 2, 2);
  if (::listen(fd_of(a[0]), (int)as_index(a[1])) < 0) os_fail();
  return Value();
}

// accept(fd): (new fd, address), or None when no connection is waiting.
Value accept_(ARGS) {
  check_args("accept", n, 1, 1);
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  int fd = ::accept(fd_of(a[0]), (sockaddr*)&ss, &len);
  if (fd < 0) {
    if (would_block(errno)) return Value();
    os_fail();
  }
  set_nonblocking(fd);
  return mk_tuple({Value::integer(fd), from_sockaddr((sockaddr*)&ss, len)});
}

// connect(fd, family, address): 0 when connected, else the errno (EINPROGRESS: wait for writing,
// then connect_result()).
Value connect_(ARGS) {
  check_args("connect", n, 3, 3);
  sockaddr_storage ss;
  socklen_t len = to_sockaddr("connect", (int)as_index(a[1]), a[2], ss);
  int rc = ::connect(fd_of(a[0]), (sockaddr*)&ss, len);
  return Value::integer(rc < 0 ? errno : 0);
}

Value connect_result(ARGS) {
  check_args("connect_result", n, 1, 1);
  int err = 0;
  socklen_t len = sizeof err;
  if (getsockopt(fd_of(a[0]), SOL_SOCKET, SO_ERROR, &err, &len) < 0) os_fail();
  return Value::integer(err);
}

Value raise_os(ARGS) {
  check_args("raise_os", n, 1, 1);
  os_fail((int)as_index(a[0]));
}

// send(fd, data, flags): bytes sent, or None when the buffer is full.
Value send_(ARGS) {
  check_args("send", n, 3, 3);
  std::string data = bytes_like(a[1]);
  ssize_t sent = ::send(fd_of(a[0]), data.data(), data.size(), (int)as_index(a[2]) | MSG_NOSIGNAL);
  if (sent < 0) {
    if (would_block(errno)) return Value();
    os_fail();
  }
  return Value::integer(sent);
}

// recv(fd, size, flags): the bytes (b"" at end of stream), or None when nothing is there yet.
Value recv_(ARGS) {
  check_args("recv", n, 3, 3);
  int64_t size = as_index(a[1]);
  if (size < 0) raise("ValueError", "negative buffersize in recv");
  std::string buf((size_t)size, '\0');
  ssize_t got = ::recv(fd_of(a[0]), buf.data(), buf.size(), (int)as_index(a[2]));
  if (got < 0) {
    if (would_block(errno)) return Value();
    os_fail();
  }
  buf.resize((size_t)got);
  return mk_bytes(std::move(buf));
}

// sendto(fd, data, flags, family, address): bytes sent, or None when the buffer is full.
Value sendto_(ARGS) {
  check_args("sendto", n, 5, 5);
  std::string data = bytes_like(a[1]);
  sockaddr_storage ss;
  socklen_t len = to_sockaddr("sendto", (int)as_index(a[3]), a[4], ss);
  ssize_t sent = ::sendto(fd_of(a[0]), data.data(), data.size(), (int)as_index(a[2]) | MSG_NOSIGNAL,
                          (sockaddr*)&ss, len);
  if (sent < 0) {
    if (would_block(errno)) return Value();
    os_fail();
  }
  return Value::integer(sent);
}

// recvfrom(fd, size, flags): (bytes, sender's address), or None when nothing is there yet.
Value recvfrom_(ARGS) {
  check_args("recvfrom", n, 3, 3);
  int64_t size = as_index(a[1]);
  if (size < 0) raise("ValueError", "negative buffersize in recvfrom");
  std::string buf((size_t)size, '\0');
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  ssize_t got = ::recvfrom(fd_of(a[0]), buf.data(), buf.size(), (int)as_index(a[2]), (sockaddr*)&ss, &len);
  if (got < 0) {
    if (would_block(errno)) return Value();
    os_fail();
  }
  buf.resize((size_t)got);
  Value addr = len > 0 ? from_sockaddr((sockaddr*)&ss, len) : Value();
  return mk_tuple({mk_bytes(std::move(buf)), addr});
}

Value close_(ARGS) {
  check_args("close", n, 1, 1);
  if (::close(fd_of(a[0])) < 0 && errno != ECONNRESET) os_fail();
  return Value();
}

Value shutdown_(ARGS) {
  check_args("shutdown", n, 2, 2);
  if (::shutdown(fd_of(a[0]), (int)as_index(a[1])) < 0) os_fail();
  return Value();
}

Value name_of(Value* a, int n, bool peer) {
  check_args(peer ? "getpeername" : "getsockname", n, 1, 1);
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  int rc = peer ? getpeername(fd_of(a[0]), (sockaddr*)&ss, &len) : getsockname(fd_of(a[0]), (sockaddr*)&ss, &len);
  if (rc < 0) os_fail();
  return from_sockaddr((sockaddr*)&ss, len);
}

// setsockopt(fd, level, option, int or bytes)
Value setsockopt_(ARGS) {
  check_args("setsockopt", n, 4, 4);
  int rc;
  if (a[3].is(OK::Bytes)) {
    const std::string& b = a[3].as<BytesObj>()->s;
    rc = setsockopt(fd_of(a[0]), (int)as_index(a[1]), (int)as_index(a[2]), b.data(), (socklen_t)b.size());
  } else {
    int v = (int)as_index(a[3]);
    rc = setsockopt(fd_of(a[0]), (int)as_index(a[1]), (int)as_index(a[2]), &v, sizeof v);
  }
  if (rc < 0) os_fail();
  return Value();
}

Value getsockopt_(ARGS) {
  check_args("getsockopt", n, 3, 3);
  int v = 0;
  socklen_t len = sizeof v;
  if (getsockopt(fd_of(a[0]), (int)as_index(a[1]), (int)as_index(a[2]), &v, &len) < 0) os_fail();
  return Value::integer(v);
}

// wait(fds_read, fds_write, timeout): poll() on the descriptors (timeout None: no limit, 0: just
// look); the lists of those ready to read, to write, and with an exceptional condition.
Value wait_(ARGS) {
  check_args("wait", n, 3, 3);
  std::vector<pollfd> fds;
  ValueVec rd = to_vec(a[0]), wr = to_vec(a[1]);
  for (auto& v : rd) fds.push_back({fd_of(v), POLLIN, 0});
  for (auto& v : wr) fds.push_back({fd_of(v), POLLOUT, 0});
  int timeout_ms = -1;
  if (!a[2].is_none()) {
    double t = to_double(a[2]);
    if (t < 0) raise("ValueError", "timeout must be non-negative");
    timeout_ms = (int)std::ceil(t * 1000);
  }
  int rc;
  do rc = ::poll(fds.data(), fds.size(), timeout_ms);
  while (rc < 0 && errno == EINTR && (check_interrupt(), true));
  if (rc < 0) os_fail();
  ValueVec r, w, x;
  for (size_t i = 0; i < fds.size(); i++) {
    short ev = fds[i].revents;
    if (!ev) continue;
    Value fd = Value::integer(fds[i].fd);
    if (ev & POLLNVAL) raise_errno(EBADF);
    if (i < rd.size() && (ev & (POLLIN | POLLHUP | POLLERR))) r.push_back(fd);
    if (i >= rd.size() && (ev & (POLLOUT | POLLHUP | POLLERR))) w.push_back(fd);
    if (ev & POLLPRI) x.push_back(fd);
  }
  return mk_tuple({mk_list(std::move(r)), mk_list(std::move(w)), mk_list(std::move(x))});
}

// poll(pairs, timeout_ms): poll() on [(fd, events), ...] (timeout None or negative: no limit);
// [(fd, revents), ...] of those with events, as select.poll's poll() returns them.
Value poll_(ARGS) {
  check_args("poll", n, 2, 2);
  std::vector<pollfd> fds;
  for (auto& pair : to_vec(a[0])) {
    ValueVec p = to_vec(pair);
    if (p.size() != 2) raise("TypeError", "poll(): expected (fd, events) pairs");
    fds.push_back({fd_of(p[0]), (short)as_index(p[1]), 0});
  }
  int timeout_ms = -1;
  if (!a[1].is_none()) {
    double t = to_double(a[1]);
    timeout_ms = t < 0 ? -1 : (int)std::ceil(t);
  }
  int rc;
  do rc = ::poll(fds.data(), fds.size(), timeout_ms);
  while (rc < 0 && errno == EINTR && (check_interrupt(), true));
  if (rc < 0) os_fail();
  ValueVec out;
  for (auto& p : fds)
    if (p.revents) out.push_back(mk_tuple({Value::integer(p.fd), Value::integer(p.revents)}));
  return mk_list(std::move(out));
}

Value gethostname_(ARGS) {
  check_args("gethostname", n, 0, 0);
  char buf[256];
  if (::gethostname(buf, sizeof buf) < 0) os_fail();
  buf[sizeof buf - 1] = 0;
  return mk_str(buf);
}

// getaddrinfo(host or None, port or None, family, type, proto, flags): CPython's list of
// (family, type, proto, canonname, address).
Value getaddrinfo_(ARGS) {
  check_args("getaddrinfo", n, 6, 6);
  std::string host = a[0].is_none() ? "" : a[0].is(OK::Bytes) ? a[0].as<BytesObj>()->s : to_str(a[0]);
  std::string port = a[1].is_none() ? "" : a[1].is(OK::Bytes) ? a[1].as<BytesObj>()->s : to_str(a[1]);
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = (int)as_index(a[2]);
  hints.ai_socktype = (int)as_index(a[3]);
  hints.ai_protocol = (int)as_index(a[4]);
  hints.ai_flags = (int)as_index(a[5]);
  int rc = getaddrinfo(a[0].is_none() ? nullptr : host.c_str(), a[1].is_none() ? nullptr : port.c_str(), &hints, &res);
  if (rc != 0) throw PyError(make_exception(t_gaierror, ValueVec{Value::integer(rc), mk_str(gai_strerror(rc))}));
  ValueVec out;
  for (addrinfo* p = res; p; p = p->ai_next)
    out.push_back(mk_tuple({Value::integer(p->ai_family), Value::integer(p->ai_socktype), Value::integer(p->ai_protocol),
                            mk_str(p->ai_canonname ? p->ai_canonname : ""), from_sockaddr(p->ai_addr, p->ai_addrlen)}));
  freeaddrinfo(res);
  return mk_list(std::move(out));
}

void constants(DictObj* d) {
  const std::pair<const char*, int64_t> table[] = {
      {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_UNIX", AF_UNIX}, {"AF_UNSPEC", AF_UNSPEC},
      {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
      {"SOL_SOCKET", SOL_SOCKET}, {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
      {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST}, {"SO_RCVBUF", SO_RCVBUF},
      {"SO_SNDBUF", SO_SNDBUF}, {"SO_ERROR", SO_ERROR}, {"SO_TYPE", SO_TYPE}, {"SO_LINGER", SO_LINGER},
      {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP}, {"IPPROTO_IP", IPPROTO_IP},
      {"IPPROTO_IPV6", IPPROTO_IPV6}, {"TCP_NODELAY", TCP_NODELAY}, {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR},
      {"SHUT_RDWR", SHUT_RDWR}, {"MSG_PEEK", MSG_PEEK}, {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL},
      {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
      {"INADDR_ANY", INADDR_ANY}, {"SOMAXCONN", SOMAXCONN}, {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI},
      {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL},
      {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
      {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
  };
  for (auto& [name, v] : table) d->set(str_key(name), Value::integer(v));
}

}  // namespace

void init_socket() {
  Value m = lib_module("_socket");
  DictObj* d = module_dict(m);
  t_gaierror = lib_class("socket", "gaierror", {Value::obj(I->e("OSError"))});
  d->set(str_key("gaierror"), Value::obj(t_gaierror));
  constants(d);
  def_native(d, "socket", socket_new);
  def_native(d, "socketpair", socketpair);
  def_native(d, "adopt", adopt);
  def_native(d, "bind", bind_);
  def_native(d, "listen", listen_);
  def_native(d, "accept", accept_);
  def_native(d, "connect", connect_);
  def_native(d, "connect_result", connect_result);
  def_native(d, "raise_os", raise_os);
  def_native(d, "send", send_);
  def_native(d, "recv", recv_);
  def_native(d, "sendto", sendto_);
  def_native(d, "recvfrom", recvfrom_);
  def_native(d, "poll", poll_);
  def_native(d, "close", close_);
  def_native(d, "shutdown", shutdown_);
  def_native(d, "getsockname", [](ARGS) -> Value { return name_of(a, n, false); });
  def_native(d, "getpeername", [](ARGS) -> Value { return name_of(a, n, true); });
  def_native(d, "setsockopt", setsockopt_);
  def_native(d, "getsockopt", getsockopt_);
  def_native(d, "wait", wait_);
  def_native(d, "gethostname", gethostname_);
  def_native(d, "getaddrinfo", getaddrinfo_);
}

}  // namespace ml::interp
