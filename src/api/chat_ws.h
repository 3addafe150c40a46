// The public chat channel (no login; see docs/chat.md for the frames):
//   WebSocket /api/v1/chat/ws
//   GET /api/v1/chat/transcript?token=<chat token>  -> {"interaction","messages"}
//   POST /api/v1/chat/survey {"chat_token","answers":{"csat":4,"nps":9,"comment":"..."}}
//     -> 200 {"saved":true,"interaction"}; 422 per answer; 404 unknown token;
//        409 before an agent answered or when already answered
#pragma once

#include "api/router.h"
#include "services/chat/chat_service.h"

namespace tamas::api {

// `chat` must outlive the router and every connection.
void add_chat_routes(Router& router, services::ChatService& chat);

}  // namespace tamas::api
