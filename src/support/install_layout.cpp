#include "support/install_layout.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <optional>

#ifndef ML_LANG_DIR
#define ML_LANG_DIR "languages"
#endif
#ifndef ML_WEB_DIR
#define ML_WEB_DIR "web"
#endif
#ifndef ML_LIB_DIR
#define ML_LIB_DIR "stdlib"
#endif
#ifndef ML_KERNELS_BUILD_DIR
#define ML_KERNELS_BUILD_DIR "kernels"
#endif
#ifndef ML_V8_PLUGIN_BUILT
#define ML_V8_PLUGIN_BUILT "libmlv8.so"
#endif

namespace ml::install {

namespace fs = std::filesystem;

namespace {

std::mutex g_mu;
fs::path g_data_root;  // set_data_root

const char* env_name(Data d) {
  switch (d) {
    case Data::Languages: return "MULTILINGUAL_LANG_DIR";
    case Data::Kernels: return "MULTILINGUAL_KERNELS_DIR";
    case Data::Stdlib: return "MULTILINGUAL_LIB_DIR";
    case Data::Web: return "MULTILINGUAL_WEB_DIR";
    case Data::EnginePlugin: return "MULTILINGUAL_ENGINE_PLUGIN";
  }
  return "";
}

const char* built(Data d) {
  switch (d) {
    case Data::Languages: return ML_LANG_DIR;
    case Data::Kernels: return ML_KERNELS_BUILD_DIR;
    case Data::Stdlib: return ML_LIB_DIR;
    case Data::Web: return ML_WEB_DIR;
    case Data::EnginePlugin: return ML_V8_PLUGIN_BUILT;
  }
  return "";
}

// Under a share/multilingual root; the plugin lives in lib/multilingual beside share/.
fs::path under_root(const fs::path& share, Data d) {
  switch (d) {
    case Data::Languages: return share / "languages";
    case Data::Kernels: return share / "kernels";
    case Data::Stdlib: return share / "stdlib";
    case Data::Web: return share / "web";
    case Data::EnginePlugin: return share.parent_path().parent_path() / "lib" / "multilingual" / "libmlv8.so";
  }
  return {};
}

// The file (executable or shared library) this function was loaded from.
fs::path this_module() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&this_module), &info) && info.dli_fname && *info.dli_fname) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::path(info.dli_fname), ec);
    if (!ec && p.is_absolute()) return p;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

// P, when P/share/multilingual/languages exists above this module.
const std::optional<fs::path>& prefix_above_module() {
  static std::optional<fs::path> prefix;
  static std::once_flag once;
  std::call_once(once, [] {
    fs::path dir = this_module().parent_path();
    for (int up = 0; up < 5 && !dir.empty(); ++up, dir = dir.parent_path()) {
      std::error_code ec;
      if (fs::is_directory(dir / "share" / "multilingual" / "languages", ec)) {
        prefix = dir;
        return;
      }
      if (dir == dir.parent_path()) break;
    }
  });
  return prefix;
}

}  // namespace

std::string_view name(Data d) {
  switch (d) {
    case Data::Languages: return "languages";
    case Data::Kernels: return "kernels";
    case Data::Stdlib: return "stdlib";
    case Data::Web: return "web";
    case Data::EnginePlugin: return "engine plugin";
  }
  return "";
}

void set_data_root(const fs::path& share_dir) {
  std::lock_guard<std::mutex> lk(g_mu);
  g_data_root = share_dir;
}

fs::path installed_prefix() {
  const auto& p = prefix_above_module();
  return p ? *p : fs::path();
}

std::vector<Located> candidates(Data d) {
  std::vector<Located> out;
  if (const char* e = std::getenv(env_name(d)); e && *e)
    out.push_back({e, std::string("environment ") + env_name(d)});
  {
    std::lock_guard<std::mutex> lk(g_mu);
    if (!g_data_root.empty()) out.push_back({under_root(g_data_root, d), "data root set by the embedder"});
  }
  if (const auto& p = prefix_above_module())
    out.push_back({under_root(*p / "share" / "multilingual", d), "installed prefix " + p->string()});
  out.push_back({built(d), "build tree"});
  return out;
}

Located locate(Data d) {
  auto all = candidates(d);
  if (std::getenv(env_name(d)) && *std::getenv(env_name(d))) return all.front();  // the user's word is final
  for (const auto& c : all) {
    std::error_code ec;
    if (fs::exists(c.path, ec)) return c;
  }
  return all.back();
}

}  // namespace ml::install
