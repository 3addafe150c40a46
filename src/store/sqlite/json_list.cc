// Tiny JSON string-array codec for list columns (groups, scopes). Values are
// short identifiers; escaping covers quotes, backslashes and control bytes.
#include <cstdio>

#include "store/sqlite/repos.h"

namespace tamas::store::sqlite {

std::string to_json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (unsigned char c : items[i]) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
    out += '"';
  }
  return out + "]";
}

// Parses what to_json_list wrote (and any flat array of plain strings).
std::vector<std::string> from_json_list(const std::string& json) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < json.size()) {
    if (json[i] != '"') {
      ++i;
      continue;
    }
    std::string item;
    for (++i; i < json.size() && json[i] != '"'; ++i) {
      if (json[i] == '\\' && i + 1 < json.size()) {
        ++i;
        if (json[i] == 'u' && i + 4 < json.size()) {
          item += static_cast<char>(std::stoi(json.substr(i + 1, 4), nullptr, 16));
          i += 4;
          continue;
        }
      }
      item += json[i];
    }
    ++i;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace tamas::store::sqlite
