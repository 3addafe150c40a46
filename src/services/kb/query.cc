#include "services/kb/query.h"

#include "core/text.h"

namespace tamas::services::kb {
namespace {

std::string quoted(const std::string& token) {
  std::string out = "\"";
  for (char c : token) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& tokens, const char* sep) {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += sep;
    out += t;
  }
  return out;
}

}  // namespace

std::string index_text(std::string_view text) {
  return joined(search_tokens(text), " ");
}

store::ArticleIndexText index_of(const store::Article& a) {
  std::vector<std::string> tags;
  for (const auto& t : a.tags)
    for (auto& tok : search_tokens(t)) tags.push_back(std::move(tok));
  for (const auto& t : a.types) tags.push_back(type_token(t));
  return {index_text(a.title), index_text(a.body), joined(tags, " ")};
}

std::string type_token(std::string_view type) {
  return "type" + joined(search_tokens(type), "");
}

std::string all_terms_query(std::string_view text) {
  std::vector<std::string> tokens = search_tokens(text);
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!out.empty()) out += " ";
    out += quoted(tokens[i]);
    if (i + 1 == tokens.size()) out += "*";
  }
  return out;
}

std::string any_terms_query(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += " OR ";
    out += quoted(t);
  }
  return out;
}

}  // namespace tamas::services::kb
