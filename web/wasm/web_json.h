// The few JSON objects the playground's entry points hand to JavaScript: flat objects of
// strings, numbers and string lists.
#pragma once
#include <cstdio>

#include "support/json_text.h"
#include <string>
#include <vector>

namespace web {

inline std::string json_quote(const std::string& s) { return ml::json_text::quoted(s); }

class JsonObject {
 public:
  JsonObject& str(const char* key, const std::string& v) { return add(key, json_quote(v)); }
  JsonObject& num(const char* key, long long v) { return add(key, std::to_string(v)); }
  JsonObject& strs(const char* key, const std::vector<std::string>& v) {
    std::string a = "[";
    for (size_t i = 0; i < v.size(); ++i) a += (i ? "," : "") + json_quote(v[i]);
    return add(key, a + "]");
  }
  std::string text() const { return "{" + body_ + "}"; }

 private:
  JsonObject& add(const char* key, const std::string& v) {
    body_ += (body_.empty() ? "" : ",") + json_quote(key) + ":" + v;
    return *this;
  }
  std::string body_;
};

}  // namespace web
