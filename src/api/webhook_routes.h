// Webhook subscriptions (permission manage_webhooks):
//   GET    /api/v1/webhooks
//   POST   /api/v1/webhooks                  {url, events:[type], secret?}
//   DELETE /api/v1/webhooks/{id}
//   POST   /api/v1/webhooks/{id}/ping        queue a "ping" delivery
//   GET    /api/v1/webhooks/{id}/deliveries  the attempt log, newest first
// Without a secret in the request one is generated; the secret is returned
// only by POST. URLs must be http:// (see services/webhooks/http_post.h).
#pragma once

#include "api/auth_routes.h"
#include "services/webhooks/dispatcher.h"

namespace tamas::api {

void add_webhook_routes(Router& router, AccountServices services,
                        services::WebhookDispatcher& dispatcher);

}  // namespace tamas::api
