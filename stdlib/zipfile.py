"""Reading and writing ZIP archives (Python's zipfile) with stored and deflated members over
zlib: ZipFile in modes r/w/a/x (namelist, infolist, getinfo, read, open for reading, writestr,
write, extract, extractall, testzip, comment), ZipInfo, is_zipfile. ZIP64, encryption and the
bzip2/lzma methods are not supported: they raise NotImplementedError or BadZipFile."""
import binascii
import io
import os
import struct
import time
import zlib

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED", "ZIP_BZIP2",
           "ZIP_LZMA", "is_zipfile", "ZipInfo", "ZipFile", "LargeZipFile"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    pass


error = BadZipfile = BadZipFile

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14

_LOCAL = b"PK\003\004"
_CENTRAL = b"PK\001\002"
_END = b"PK\005\006"
structEndArchive = "<4s4H2LH"
structCentralDir = "<4s4B4HL2L5H2L"
structFileHeader = "<4s2B4HL2L2H"
sizeEndCentDir = struct.calcsize(structEndArchive)
sizeCentralDir = struct.calcsize(structCentralDir)
sizeFileHeader = struct.calcsize(structFileHeader)
# Names without the UTF-8 flag are in IBM code page 437: its upper half, bytes 0x80-0xFF.
_CP437_HIGH = '\xc7\xfc\xe9\xe2\xe4\xe0\xe5\xe7\xea\xeb\xe8\xef\xee\xec\xc4\xc5\xc9\xe6\xc6\xf4\xf6\xf2\xfb\xf9\xff\xd6\xdc\xa2\xa3\xa5\u20a7\u0192\xe1\xed\xf3\xfa\xf1\xd1\xaa\xba\xbf\u2310\xac\xbd\xbc\xa1\xab\xbb\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580\u03b1\xdf\u0393\u03c0\u03a3\u03c3\xb5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229\u2261\xb1\u2265\u2264\u2320\u2321\xf7\u2248\xb0\u2219\xb7\u221a\u207f\xb2\u25a0\xa0'


def _decode_cp437(raw):
    return "".join(chr(b) if b < 128 else _CP437_HIGH[b - 128] for b in raw)


class ZipInfo:
    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        null_byte = filename.find(chr(0))
        if null_byte >= 0:
            filename = filename[0:null_byte]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError("ZIP does not support timestamps before 1980")
        self.compress_type = ZIP_STORED
        self.compress_level = None
        self.comment = b""
        self.extra = b""
        self.create_system = 3
        self.create_version = 20
        self.extract_version = 20
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0
        self.CRC = 0
        self.header_offset = 0

    def __repr__(self):
        result = ["<%s filename=%r" % (self.__class__.__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            result.append(" compress_type=%s" % {8: "deflate", 12: "bzip2", 14: "lzma"}.get(
                self.compress_type, self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            import stat
            result.append(" filemode=%r" % stat.filemode(hi))
        if lo:
            result.append(" external_attr=%#x" % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            result.append(" file_size=%r" % self.file_size)
        if ((not isdir or self.compress_size) and
                (self.compress_type != ZIP_STORED or self.file_size != self.compress_size)):
            result.append(" compress_size=%r" % self.compress_size)
        result.append(">")
        return "".join(result)

    def _dos(self):
        dt = self.date_time
        dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        return dosdate, dostime

    def FileHeader(self):
        dosdate, dostime = self._dos()
        filename = self.filename.encode("ascii") if self.filename.isascii() else self.filename.encode("utf-8")
        flag_bits = self.flag_bits | (0 if self.filename.isascii() else 0x800)
        header = struct.pack(structFileHeader, _LOCAL, self.extract_version, self.reserved,
                             flag_bits, self.compress_type, dostime, dosdate, self.CRC,
                             self.compress_size, self.file_size, len(filename), len(self.extra))
        return header + filename + self.extra

    def is_dir(self):
        return self.filename.endswith("/")

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        st = os.stat(filename)
        isdir = os.path.isdir(filename)
        mtime = time.localtime(st.st_mtime)
        date_time = mtime[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(arcname)  # POSIX paths: no drive to drop
        while arcname[0] == os.sep:
            arcname = arcname[1:]
        if isdir:
            arcname += "/"
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            zinfo.file_size = st.st_size
        return zinfo


def _compress(data, compress_type, level):
    if compress_type == ZIP_STORED:
        return data
    if compress_type == ZIP_DEFLATED:
        return zlib.compress(data, -1 if level is None else level, -15)
    raise NotImplementedError("That compression method is not supported")


def _decompress(data, compress_type):
    if compress_type == ZIP_STORED:
        return data
    if compress_type == ZIP_DEFLATED:
        return zlib.decompress(data, -15)
    raise NotImplementedError("That compression method is not supported")


def _end_record(data):
    pos = data.rfind(_END, max(0, len(data) - 65536 - sizeEndCentDir))
    if pos < 0 or len(data) - pos < sizeEndCentDir:
        return None
    return pos


def is_zipfile(filename):
    try:
        if hasattr(filename, "read"):
            pos = filename.tell()
            filename.seek(0)
            data = filename.read()
            filename.seek(pos)
        else:
            with open(filename, "rb") as fp:
                data = fp.read()
        return _end_record(data) is not None
    except OSError:
        return False


class ZipFile:
    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True):
        if mode not in ("r", "w", "x", "a"):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        if compression not in (ZIP_STORED, ZIP_DEFLATED):
            raise NotImplementedError("That compression method is not supported")
        self.mode = mode
        self.compression = compression
        self.compresslevel = compresslevel
        self.NameToInfo = {}
        self.filelist = []
        self.comment = b""
        self._strict_timestamps = strict_timestamps
        if isinstance(file, (str, bytes)) or hasattr(file, "__fspath__"):
            self.filename = os.fspath(file) if hasattr(os, "fspath") else file
            self._path = self.filename
            self._external = None
        else:
            self.filename = getattr(file, "name", None)
            self._path = None
            self._external = file
        self._data = b""
        if mode in ("r", "a"):
            if self._external is not None:
                self._external.seek(0)
                self._data = self._external.read()
            else:
                try:
                    with open(self._path, "rb") as fp:
                        self._data = fp.read()
                except FileNotFoundError:
                    if mode == "r":
                        raise
            if self._data or mode == "r":
                self._read_directory()
        elif mode == "x" and self._path is not None and os.path.exists(self._path):
            raise FileExistsError(17, "File exists", self._path)
        self._pending = self._data[:self._start_dir] if self._data else b""
        self._dirty = mode != "r"
        self.closed = False

    def _read_directory(self):
        data = self._data
        pos = _end_record(data)
        if pos is None:
            raise BadZipFile("File is not a zip file")
        (_, _, _, _, count, size_cd, offset_cd, comment_len) = struct.unpack(
            structEndArchive, data[pos:pos + sizeEndCentDir])
        self.comment = data[pos + sizeEndCentDir:pos + sizeEndCentDir + comment_len]
        self._start_dir = offset_cd
        p = offset_cd
        for _ in range(count):
            fields = struct.unpack(structCentralDir, data[p:p + sizeCentralDir])
            if fields[0] != _CENTRAL:
                raise BadZipFile("Bad magic number for central directory")
            name_len, extra_len, comment_len = fields[12], fields[13], fields[14]
            p += sizeCentralDir
            raw = data[p:p + name_len]
            flags = fields[3]
            name = raw.decode("utf-8") if flags & 0x800 else _decode_cp437(raw)
            x = ZipInfo(name)
            x.extra = data[p + name_len:p + name_len + extra_len]
            x.comment = data[p + name_len + extra_len:p + name_len + extra_len + comment_len]
            p += name_len + extra_len + comment_len
            (x.create_version, x.create_system, x.extract_version, x.reserved, x.flag_bits,
             x.compress_type, t, d, x.CRC, x.compress_size, x.file_size) = fields[1:12]
            x.volume, x.internal_attr, x.external_attr, x.header_offset = fields[15:19]
            x.date_time = ((d >> 9) + 1980, (d >> 5) & 0xF, d & 0x1F, t >> 11, (t >> 5) & 0x3F,
                           (t & 0x1F) * 2)
            x.orig_filename = name
            self.filelist.append(x)
            self.NameToInfo[x.filename] = x

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        r = ["<%s.%s" % (self.__class__.__module__, self.__class__.__qualname__)]
        if not self.closed:
            if self.filename:
                r.append(" filename=%r" % self.filename)
            r.append(" mode=%r" % self.mode)
        else:
            r.append(" [closed]")
        r.append(">")
        return "".join(r)

    def namelist(self):
        return [data.filename for data in self.filelist]

    def infolist(self):
        return self.filelist

    def printdir(self, file=None):
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"), file=file)
        for zinfo in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zinfo.date_time[:6]
            print("%-46s %s %12d" % (zinfo.filename, date, zinfo.file_size), file=file)

    def getinfo(self, name):
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError("There is no item named %r in the archive" % name)
        return info

    def _raw_member(self, zinfo):
        data = self._data if self.mode == "r" else self._pending
        p = zinfo.header_offset
        fields = struct.unpack(structFileHeader, data[p:p + sizeFileHeader])
        if fields[0] != _LOCAL:
            raise BadZipFile("Bad magic number for file header")
        start = p + sizeFileHeader + fields[10] + fields[11]
        return data[start:start + zinfo.compress_size]

    def read(self, name, pwd=None):
        self._check_open()
        zinfo = name if isinstance(name, ZipInfo) else self.getinfo(name)
        if zinfo.flag_bits & 0x1:
            raise NotImplementedError("encrypted members are not supported")
        data = _decompress(self._raw_member(zinfo), zinfo.compress_type)
        if binascii.crc32(data) & 0xFFFFFFFF != zinfo.CRC:
            raise BadZipFile("Bad CRC-32 for file %r" % zinfo.filename)
        return data

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        if mode == "r":
            return io.BytesIO(self.read(name))
        raise NotImplementedError("open() for writing is not supported; use writestr()")

    def testzip(self):
        for zinfo in self.filelist:
            try:
                self.read(zinfo)
            except BadZipFile:
                return zinfo.filename
        return None

    def _check_open(self):
        if self.closed:
            raise ValueError("Attempt to use ZIP archive that was already closed")

    def _check_writable(self):
        self._check_open()
        if self.mode == "r":
            raise ValueError("write() requires mode 'w', 'x', or 'a'")

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        self._check_writable()
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = ZipInfo(filename=zinfo_or_arcname, date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
            if zinfo.filename.endswith("/"):
                zinfo.external_attr = 0o40775 << 16
                zinfo.external_attr |= 0x10
            else:
                zinfo.external_attr = 0o600 << 16
        else:
            zinfo = zinfo_or_arcname
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo.compress_level = compresslevel
        self._add(zinfo, bytes(data))

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        self._check_writable()
        zinfo = ZipInfo.from_file(filename, arcname, strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self._add(zinfo, b"")
            return
        zinfo.compress_type = self.compression if compress_type is None else compress_type
        zinfo.compress_level = self.compresslevel if compresslevel is None else compresslevel
        with open(filename, "rb") as f:
            self._add(zinfo, f.read())

    def _add(self, zinfo, data):
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn("Duplicate name: %r" % zinfo.filename, stacklevel=3)
        if zinfo.compress_type not in (ZIP_STORED, ZIP_DEFLATED):
            raise NotImplementedError("That compression method is not supported")
        if zinfo.compress_type == ZIP_DEFLATED:
            zinfo.create_version = max(zinfo.create_version, 20)
            zinfo.extract_version = max(zinfo.extract_version, 20)
        zinfo.file_size = len(data)
        zinfo.CRC = binascii.crc32(data) & 0xFFFFFFFF
        payload = _compress(data, zinfo.compress_type, zinfo.compress_level)
        zinfo.compress_size = len(payload)
        zinfo.header_offset = len(self._pending)
        self._pending += zinfo.FileHeader() + payload
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo
        self._dirty = True

    def extract(self, member, path=None, pwd=None):
        zinfo = member if isinstance(member, ZipInfo) else self.getinfo(member)
        path = os.getcwd() if path is None else os.fspath(path) if hasattr(os, "fspath") else path
        parts = [p for p in zinfo.filename.split("/") if p not in ("", ".", "..")]
        target = os.path.join(path, *parts) if parts else path
        if zinfo.is_dir():
            os.makedirs(target, exist_ok=True)
            return target
        parent = os.path.dirname(target)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with open(target, "wb") as f:
            f.write(self.read(zinfo))
        return target

    def extractall(self, path=None, members=None, pwd=None):
        for zinfo in (self.filelist if members is None else members):
            self.extract(zinfo, path, pwd)

    def _directory(self):
        out = b""
        for z in self.filelist:
            dosdate, dostime = z._dos()
            filename = z.filename.encode("ascii") if z.filename.isascii() else z.filename.encode("utf-8")
            flag_bits = z.flag_bits | (0 if z.filename.isascii() else 0x800)
            out += struct.pack(structCentralDir, _CENTRAL, z.create_version, z.create_system,
                               z.extract_version, z.reserved, flag_bits, z.compress_type,
                               dostime, dosdate, z.CRC, z.compress_size, z.file_size,
                               len(filename), len(z.extra), len(z.comment), 0, z.internal_attr,
                               z.external_attr, z.header_offset)
            out += filename + z.extra + z.comment
        return out

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self.mode == "r" or not self._dirty:
            return
        directory = self._directory()
        end = struct.pack(structEndArchive, _END, 0, 0, len(self.filelist), len(self.filelist),
                          len(directory), len(self._pending), len(self.comment))
        blob = self._pending + directory + end + self.comment
        if self._external is not None:
            self._external.seek(0)
            self._external.write(blob)
            if hasattr(self._external, "truncate"):
                self._external.truncate()
        else:
            with open(self._path, "wb") as f:
                f.write(blob)
