// Records of the knowledge base (migration 0003).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/records.h"

namespace tamas::store {

struct Article {
  RowId id = 0;
  TenantId tenant = 0;
  std::string lang = "fa";  // fa | en
  std::string category;
  std::string visibility = "agents";  // agents | public
  std::string title;
  std::string body;
  std::vector<std::string> tags;
  std::vector<std::string> types;  // interaction types it helps with
  int version = 1;
  std::optional<Instant> review_at;
  Instant updated_at;
  RowId updated_by = 0;
  bool archived = false;
};

struct ArticleVersion {
  RowId article = 0;
  int version = 0;
  std::string title;
  std::string body;
  RowId edited_by = 0;
  Instant edited_at;
};

// What the full-text index holds for an article: normalised tokens joined
// by single spaces (services/kb builds them with core/text.h).
struct ArticleIndexText {
  std::string title;
  std::string body;
  std::string tags;
};

struct ArticleHit {
  Article article;
  double score = 0;  // higher is better (negated bm25)
};

struct UnansweredQuestion {
  RowId id = 0;
  TenantId tenant = 0;
  std::string question;
  std::string type;  // interaction type it came up in, may be ""
  RowId asked_by = 0;
  Instant asked_at;
  std::optional<Instant> resolved_at;
  std::optional<RowId> resolved_by;
  std::optional<RowId> article;
};

}  // namespace tamas::store
