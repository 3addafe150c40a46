// API tokens for integrations (permission manage_tokens):
//   GET    /api/v1/tokens         every token of the tenant (never the secret)
//   POST   /api/v1/tokens         {name, scopes:[permission]} -> the secret, once
//   DELETE /api/v1/tokens/{id}    revoke; refused on the very next request
// A token acts as the admin who created it, limited to its scopes; each
// scope must be a permission that admin's role has.
#pragma once

#include "api/auth_routes.h"

namespace tamas::api {

void add_token_routes(Router& router, AccountServices services);

}  // namespace tamas::api
