// The few JSON objects the playground's entry points hand to JavaScript: flat objects of
// strings, numbers and string lists.
#pragma once
#include <cstdio>
#include <string>
#include <vector>

namespace web {

inline std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += char(c);  // UTF-8 passes through: JSON text is Unicode
        }
    }
  }
  return out + "\"";
}

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
