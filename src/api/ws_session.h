// Internal to the server: takes over an upgraded TCP stream. Includes Beast.
#pragma once

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <memory>

#include "api/websocket.h"

namespace tamas::api {

// Completes the WebSocket handshake on `stream` for `upgrade` and runs the
// connection until either side closes. `handler` decides accept or refuse.
void run_websocket(boost::beast::tcp_stream stream,
                   boost::beast::http::request<boost::beast::http::string_body> upgrade,
                   Request req, const WsHandler& handler, std::size_t message_limit);

}  // namespace tamas::api
