// multilingual::ProgramExecutor: programs run in-process through the tool's program runner
// (program_host.h), their output sent to the embedder's sink and their error report turned
// back into a structured, localized Error.
#include "multilingual/program.h"

#include <fmt/format.h>

#include <ostream>
#include <sstream>
#include <streambuf>

#include "embed/convert.h"
#include "embed/program_host.h"
#include "lang/pack.h"
#include "parse/parser.h"
#include "support/install_layout.h"

namespace multilingual {

namespace {

// Hands what the program prints to the sink in chunks (at most 4 KiB, and at every flush).
class SinkBuf : public std::streambuf {
 public:
  explicit SinkBuf(const OutputSink& sink) : sink_(sink) { setp(buf_, buf_ + sizeof buf_); }
  ~SinkBuf() override { drain(); }
  void drain() {
    if (pptr() > pbase()) sink_(std::string_view(pbase(), size_t(pptr() - pbase())));
    setp(buf_, buf_ + sizeof buf_);
  }

 protected:
  int overflow(int c) override {
    drain();
    if (c != traits_type::eof()) {
      *pptr() = char(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    drain();
    return 0;
  }

 private:
  const OutputSink& sink_;
  char buf_[4096];
};

// The canonical (Python) name of an exception kind the pack localized ("kind.ZeroDivisionError").
std::string canonical_kind(const ml::LanguagePack& pack, const std::string& localized) {
  for (const ml::LanguagePack* p = &pack; p; p = p->fallback)
    for (const auto& [id, text] : p->messages())
      if (text == localized && id.rfind("kind.", 0) == 0) return id.substr(5);
  return localized;
}

// The error report ends with "path[:line:col]: Kind[: message]" (after any traceback), then
// the source line and a caret, both indented.
Error parse_report(const std::string& report, const ml::LanguagePack& pack, const std::string& path, int status) {
  std::string last;
  std::istringstream in(report);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != ' ' && line[0] != '\t') last = line;
  SourceLocation where{path, 0, 0};
  std::string rest = last;
  if (rest.rfind(path + ":", 0) == 0) {
    rest = rest.substr(path.size() + 1);
    int line = 0, col = 0, used = 0;
    if (std::sscanf(rest.c_str(), "%d:%d:%n", &line, &col, &used) >= 2 && used > 0) {
      where.line = line;
      where.column = col;
      rest = rest.substr(size_t(used));
    }
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  }
  std::string kind = rest, message;
  if (auto colon = rest.find(": "); colon != std::string::npos) {
    kind = rest.substr(0, colon);
    message = rest.substr(colon + 2);
  }
  return Error(canonical_kind(pack, kind), kind, message, where, report, status);
}

const ml::LanguagePack& pack_for(std::string_view code, std::string_view language) {
  const auto& reg = ml::LanguageRegistry::instance();
  std::string lang(language.empty() ? reg.detect(code) : std::string(language));
  if (const ml::LanguagePack* p = reg.find(lang)) return *p;
  std::string known;
  for (const auto& c : reg.codes()) known += (known.empty() ? "" : ", ") + c;
  std::string msg = fmt::format("unknown language '{}' (installed: {})", lang, known);
  throw Error("LanguageError", "LanguageError", msg, {}, "LanguageError: " + msg + "\n", 2);
}

}  // namespace

struct ProgramExecutor::Impl {
  Config config;
  OutputSink sink;
  std::vector<std::string> args;

  RunResult run(std::shared_ptr<const ml::SourceFile> src, const ml::LanguagePack& pack) {
    RunResult r;
    r.language = pack.code;
    std::ostringstream collected;
    OutputSink to_result = [&](std::string_view s) { collected << s; };
    SinkBuf out(sink ? sink : to_result);
    std::stringbuf err;
    std::vector<std::string> argv{src->path};
    argv.insert(argv.end(), args.begin(), args.end());
    r.exit_status = ml::embed::run_program(src, pack, ml::embed::to_runtime(config), argv, &out, &err);
    out.drain();
    r.output = collected.str();
    r.errors = err.str();
    if (r.exit_status != 0) {
      if (r.errors.empty()) {  // sys.exit(n): a status, no report
        std::string msg = fmt::format("exit status {}", r.exit_status);
        r.error = Error("SystemExit", "SystemExit", msg, {src->path, 0, 0}, "", r.exit_status);
      } else {
        r.error = parse_report(r.errors, pack, src->path, r.exit_status);
      }
    }
    return r;
  }
};

ProgramExecutor::ProgramExecutor(Config config) : impl_(std::make_unique<Impl>()) { impl_->config = std::move(config); }
ProgramExecutor::~ProgramExecutor() = default;
ProgramExecutor::ProgramExecutor(ProgramExecutor&&) noexcept = default;
ProgramExecutor& ProgramExecutor::operator=(ProgramExecutor&&) noexcept = default;

void ProgramExecutor::set_output(OutputSink sink) { impl_->sink = std::move(sink); }
// The stream's buffer as it is now: a program's std::cout is redirected while it runs, so
// writing to std::cout itself then would feed the output back into the program's own sink.
void ProgramExecutor::set_output(std::ostream& out) {
  std::streambuf* buf = out.rdbuf();
  impl_->sink = [buf](std::string_view s) {
    buf->sputn(s.data(), std::streamsize(s.size()));
    buf->pubsync();
  };
}
void ProgramExecutor::set_arguments(std::vector<std::string> args) { impl_->args = std::move(args); }

RunResult ProgramExecutor::run(std::string_view code, std::string_view language, std::string_view name) {
  const ml::LanguagePack& pack = pack_for(code, language);
  auto src = std::make_shared<ml::SourceFile>();
  src->path = std::string(name);
  src->text = std::string(code);
  return impl_->run(std::move(src), pack);
}

RunResult ProgramExecutor::run_file(const std::filesystem::path& file, std::string_view language) {
  std::shared_ptr<const ml::SourceFile> src;
  try {
    src = ml::read_source_file(file.string());
  } catch (const std::exception& e) {
    throw Error("OSError", "OSError", e.what(), {file.string(), 0, 0}, std::string("OSError: ") + e.what() + "\n");
  }
  return impl_->run(src, pack_for(src->text, language));
}

RunResult ProgramExecutor::execute(std::string_view code, std::string_view language) {
  RunResult r = run(code, language);
  if (r.error) throw *r.error;
  return r;
}

std::vector<std::string> languages() { return ml::LanguageRegistry::instance().codes(); }
std::string detect_language(std::string_view code) { return ml::LanguageRegistry::instance().detect(code); }
std::string version() { return ML_VERSION; }
void set_data_dir(const std::filesystem::path& share_multilingual) { ml::install::set_data_root(share_multilingual); }

}  // namespace multilingual
