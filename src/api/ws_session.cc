#include "api/ws_session.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>

#include "api/request_codec.h"

namespace tamas::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

class WsSession final : public WsConnection, public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(beast::tcp_stream stream, std::string remote, std::size_t limit)
      : ws_(std::move(stream)), remote_(std::move(remote)) {
    ws_.read_message_max(limit);
  }

  void accept(http::request<http::string_body> upgrade, WsCallbacks callbacks) {
    callbacks_ = std::move(callbacks);
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.async_accept(upgrade, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->finish();
      self->read();
      self->write_next();
    });
  }

  void send(std::string text) override {
    asio::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
      if (self->closed_) return;
      self->outbox_.push_back(std::move(text));
      if (self->outbox_.size() == 1 && self->ws_.is_open()) self->write_next();
    });
  }

  void close(std::string reason) override {
    asio::post(ws_.get_executor(), [self = shared_from_this(), reason = std::move(reason)] {
      if (self->closed_ || self->closing_) return;
      self->closing_ = true;
      self->ws_.async_close(websocket::close_reason(websocket::close_code::normal, reason),
                            [self](beast::error_code) { self->finish(); });
    });
  }

  const std::string& remote() const override { return remote_; }

  // Answers the upgrade request with a plain HTTP response and closes.
  void refuse(Response res) {
    closed_ = true;
    auto msg = std::make_shared<BeastResponse>(encode_response(std::move(res), false, false, "tamas"));
    auto& tcp = beast::get_lowest_layer(ws_);
    tcp.expires_after(std::chrono::seconds(10));
    http::async_write(tcp, *msg, [self = shared_from_this(), msg](beast::error_code, std::size_t) {
      beast::error_code ignored;
      beast::get_lowest_layer(self->ws_).socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    });
  }

 private:
  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->finish();
      std::string text = beast::buffers_to_string(self->buffer_.data());
      self->buffer_.consume(self->buffer_.size());
      if (self->callbacks_.on_message && !self->closed_) self->callbacks_.on_message(text);
      self->read();
    });
  }

  void write_next() {
    if (outbox_.empty() || writing_ || closed_ || closing_) return;
    writing_ = true;
    ws_.text(true);
    ws_.async_write(asio::buffer(outbox_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      self->writing_ = false;
                      if (ec) return self->finish();
                      self->outbox_.pop_front();
                      self->write_next();
                    });
  }

  // Runs once: reports the close and drops callbacks (breaking cycles).
  void finish() {
    if (closed_) return;
    closed_ = true;
    outbox_.clear();
    auto on_close = std::move(callbacks_.on_close);
    callbacks_ = {};
    if (on_close) on_close();
  }

  websocket::stream<beast::tcp_stream> ws_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::deque<std::string> outbox_;
  WsCallbacks callbacks_;
  bool writing_ = false, closing_ = false, closed_ = false;
};

}  // namespace

void run_websocket(beast::tcp_stream stream, http::request<http::string_body> upgrade, Request req,
                   const WsHandler& handler, std::size_t message_limit) {
  stream.expires_never();  // the websocket stream keeps its own timeouts
  auto session = std::make_shared<WsSession>(std::move(stream), req.remote, message_limit);
  WsCallbacks callbacks;
  if (auto refusal = handler(req, session, callbacks)) {
    session->refuse(std::move(*refusal));
    return;
  }
  session->accept(std::move(upgrade), std::move(callbacks));
}

}  // namespace tamas::api
