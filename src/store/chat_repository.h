// Chat conversations (migration 0004): the customer side of an interaction on
// the chat channel. Same contract as repositories.h (tenant-scoped, errors as
// values, not thread-safe).
#pragma once

#include <string>

#include "core/result.h"
#include "store/records.h"

namespace tamas::store {

struct Chat {
  RowId id = 0;
  TenantId tenant = 0;
  RowId interaction = 0;
  std::string token_hash;  // digest of the chat token; the token is never stored
  std::string name;
  std::string phone;  // E.164 or ""
  std::string email;
  Instant created_at;
};

class ChatRepository {
 public:
  virtual ~ChatRepository() = default;
  // already_exists when the token hash or the interaction is taken.
  virtual Result<RowId> add(const Chat& c) = 0;
  virtual Result<Chat> find_by_token_hash(TenantId tenant, const std::string& token_hash) = 0;
};

}  // namespace tamas::store
