// Turning text into what the FTS5 index holds and into FTS5 queries.
//
// Both sides go through core/text.h search_tokens(), so ي/ی, ك/ک, ZWNJ,
// diacritics and Persian/Arabic-Indic digits meet in one spelling. Every
// token is quoted in the query, so user text can never be FTS5 syntax.
//
// Pure and thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/kb_records.h"

namespace tamas::services::kb {

// Normalised tokens joined by single spaces.
std::string index_text(std::string_view text);

// What the index holds for an article; its interaction types are indexed as
// type_token() tokens in the tags column, for suggestions.
store::ArticleIndexText index_of(const store::Article& a);

// The single index token standing for an interaction type ("typewarrantyclaim").
std::string type_token(std::string_view type);

// Every token required; the last one also matches as a prefix (search as you
// type). "" when the text has no tokens.
std::string all_terms_query(std::string_view text);
// Any token (suggestions, fallback when all_terms finds nothing).
std::string any_terms_query(const std::vector<std::string>& tokens);

}  // namespace tamas::services::kb
