// The library modules written in C++, one file each in src/interp/lib: each init_* registers its
// module (init_modules in modules.cpp calls them all at start-up).
#pragma once

namespace ml::interp {

struct DictObj;
void init_sys_streams(DictObj* sys_dict);  // sys_streams.cpp: the parts of sys beyond its basics
void init_re();                            // re.cpp
void init_struct();                        // struct.cpp
void init_time();                          // time.cpp
void init_json();                          // json.cpp
void init_datetime();                      // datetime.cpp
void init_deque(DictObj* collections);     // deque.cpp: collections.deque
void init_traceback();                     // traceback.cpp
void init_os();                            // os.cpp: os and os.path
void init_os_files(DictObj* os, DictObj* os_path);  // os_files.cpp: stat, walk, scandir
void init_os_process(DictObj* os);                  // os_process.cpp: fork/exec/wait, pipes, fds
void init_signal();                                 // signal.cpp: _signal
void init_random();                        // random.cpp: _random, the generator under random.py
void init_math();                          // math.cpp
void init_functools();                     // functools.cpp: _functools
void init_collections();                   // collections.cpp: _collections
void init_itertools();                     // itertools.cpp: _itertools
void init_zlib();                          // zlib.cpp: _zlib, under zlib.py
void init_binascii();                      // binascii.cpp: _binascii, Base64 under binascii.py
void init_tomllib();                       // tomllib.cpp: over toml++
void init_ml_text();                       // ml_text.cpp: _ml_text, localized messages for stdlib/*.py
void init_weakref();                       // weakref.cpp: _weakref, the cells under weakref.py
void init_pickle_accel();                  // pickle.cpp: _pickle_accel, dumps/loads under _pickle.py
void init_gc();                            // gc_module.cpp: _gc, the cycle collector's controls under gc.py
void init_coswitch();                      // coswitch.cpp: _coswitch, what threading.py switches threads with
void init_unicodedata();                   // unicodedata.cpp: over utf8proc
void init_ast();                           // ast.cpp: _ast, the parser's tree for ast.py
void init_lsprof();                        // lsprof.cpp: _lsprof, what cProfile.py counts with
void init_bz2();                           // bz2.cpp: _bz2, under bz2.py (libbz2)
void init_lzma();                          // lzma.cpp: _lzma, under lzma.py (liblzma)
void init_sqlite3();                       // sqlite3.cpp: _sqlite3, under sqlite3/ (libsqlite3)
void init_socket();                        // socket.cpp: _socket, under socket.py and select.py
void init_etree();                         // etree.cpp: _etree, ElementTree's serializer for plain trees
void init_array();                         // array.cpp: _array, item access under array.py
void init_pyexpat();                       // pyexpat.cpp: _expat, under xml.parsers.expat and ElementTree (libexpat)

}  // namespace ml::interp
