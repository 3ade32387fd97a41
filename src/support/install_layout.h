// Where the program's data lives: language packs, WebAssembly kernels, library modules written
// in the language, the web playground, and the V8 engine plugin. One answer for the tool, the
// embedding library and the Python module, whether they run from the build tree or from an
// installed (and possibly moved) prefix:
//
//   P/bin/multilingual                        P/lib/libmultilingual.so
//   P/share/multilingual/{languages,kernels,stdlib,web}
//   P/lib/multilingual/libmlv8.so             (the engine plugin)
//
// Each directory is, in order: its environment variable, the data root an embedder set, the
// share/multilingual folder found above the file holding this code (the executable or the
// shared library: up to four levels, which covers bin/, lib/ and
// lib/python3/dist-packages/<package>/), and last the build tree's folder baked in at build time.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace ml::install {

enum class Data { Languages, Kernels, Stdlib, Web, EnginePlugin };

struct Located {
  std::filesystem::path path;  // a directory (EnginePlugin: the plugin's file)
  std::string origin;          // "environment MULTILINGUAL_LANG_DIR", "installed prefix /p", "build tree", ...
};

// The directory (or, for EnginePlugin, file) to use. Never empty: the build tree's is the last
// resort even when it does not exist (callers report the missing file with its path).
Located locate(Data d);
// Every candidate of locate(d), in order, the existing ones and the rest (for doctor).
std::vector<Located> candidates(Data d);

// The embedder's data root (a share/multilingual folder), consulted before the installed prefix
// and the build tree. Set it before the first program runs: the language packs load once.
void set_data_root(const std::filesystem::path& share_dir);

// The installed prefix this code runs from (P above), or empty when it runs from the build tree.
std::filesystem::path installed_prefix();

// "languages", "kernels", "stdlib", "web", "engine plugin".
std::string_view name(Data d);

}  // namespace ml::install
