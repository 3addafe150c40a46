// Knowledge-base routes (R38, R42, R46) under /api/v1/kb.
//   GET  /api/v1/kb/search?q=&limit=          every article (read_knowledge)
//   GET  /api/v1/public/kb/search?q=&limit=   public articles only, no login (self-service)
//   GET  /api/v1/kb/articles/{id}             (read_knowledge; public ones without login
//                                             via the public search only)
//   GET  /api/v1/kb/articles/{id}/versions    (read_knowledge)
//   POST /api/v1/kb/articles                  create (manage_knowledge)
//   PUT  /api/v1/kb/articles/{id}             new version; body.version = the one edited (409
//                                             when stale) (manage_knowledge)
//   POST /api/v1/kb/suggestions               {type, fields} for an offer (read_knowledge)
//   GET  /api/v1/kb/questions, POST /api/v1/kb/questions   (read_knowledge)
//   POST /api/v1/kb/questions/{id}/resolve    {article} (manage_knowledge)
#pragma once

#include "api/access.h"
#include "api/crm_backend.h"
#include "api/router.h"

namespace tamas::api {

void add_kb_routes(Router& router, const Guard& guard, CrmBackend& backend);

}  // namespace tamas::api
