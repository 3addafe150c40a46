#include "api/chat_ws.h"

#include "api/json_body.h"
#include "api/route_helpers.h"
#include "services/chat/chat_session.h"

namespace tamas::api {

void add_chat_routes(Router& router, services::ChatService& chat) {
  router.ws("/api/v1/chat/ws",
            [&chat](const Request&, std::shared_ptr<WsConnection> conn,
                    WsCallbacks& cb) -> std::optional<Response> {
              std::weak_ptr<WsConnection> weak = conn;
              auto session = chat.open([weak](std::string text) {
                if (auto c = weak.lock()) c->send(std::move(text));
              });
              cb.on_message = [session](const std::string& text) { session->on_frame(text); };
              cb.on_close = [session] { session->on_close(); };
              return std::nullopt;
            });
  router.get("/api/v1/chat/transcript", [&chat](const Request& req, Respond respond) {
    const auto it = req.query.find("token");
    if (it == req.query.end() || it->second.empty())
      return respond(Response::error(400, "missing_token", "give the chat token as ?token="));
    chat.transcript(it->second, [respond](Result<std::string> r) {
      if (r) return respond(Response::json(200, *r));
      if (r.error().code == ErrorCode::not_found)
        return respond(Response::error(404, "not_found", r.error().message));
      respond(Response::error(503, "unavailable", r.error().message));
    });
  });
  router.post("/api/v1/chat/survey", [&chat](const Request& req, Respond respond) {
    JsonBody body(req);
    auto token = body.string("chat_token", true, 200);
    const auto* answers = body.raw("answers");
    if (!answers)
      body.problem("answers", "is required");
    else if (!answers->is_object())
      body.problem("answers", "must be an object");
    if (auto e = body.error()) return respond(std::move(*e));
    chat.answer_survey(*token, 0, answers->as_object(), [respond](services::SurveyResult r) {
      if (!r.error)
        return respond(Response::json(
            200, R"({"saved":true,"interaction":")" + json_escape(r.contact) + R"("})"));
      if (r.error->code == ErrorCode::invalid_argument)
        return respond(field_problems_response(r.problems));
      if (r.error->code == ErrorCode::not_found)
        return respond(Response::error(404, "not_found", "no chat with this token"));
      respond(error_response(*r.error));
    });
  });
}

}  // namespace tamas::api
