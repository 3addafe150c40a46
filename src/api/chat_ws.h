// The public chat channel (no login; see docs/chat.md for the frames):
//   WebSocket /api/v1/chat/ws
//   GET /api/v1/chat/transcript?token=<chat token>  -> {"interaction","messages"}
#pragma once

#include "api/router.h"
#include "services/chat/chat_service.h"

namespace tamas::api {

// `chat` must outlive the router and every connection.
void add_chat_routes(Router& router, services::ChatService& chat);

}  // namespace tamas::api
