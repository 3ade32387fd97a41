import errno
print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINTR, errno.EAGAIN, errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[2], errno.errorcode[11], errno.errorcode[35])
print(len(errno.errorcode), sorted(errno.errorcode)[:5], max(errno.errorcode))
try:
    open("/definitely/not/here.txt")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
