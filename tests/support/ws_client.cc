#include "ws_client.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>

namespace tamas::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

struct WsClient::Impl {
  asio::io_context ioc;
  websocket::stream<beast::tcp_stream> ws{ioc};
  beast::flat_buffer buffer;
  bool open = false;
};

WsClient::WsClient() : impl_(std::make_unique<Impl>()) {}
WsClient::~WsClient() { close(); }

bool WsClient::connect(std::uint16_t port, const std::string& target,
                       const std::map<std::string, std::string>& headers) {
  auto& tcp = beast::get_lowest_layer(impl_->ws);
  tcp.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  impl_->ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& req) {
    for (const auto& [k, v] : headers) req.set(k, v);
  }));
  websocket::response_type res;
  beast::error_code ec;
  tcp.expires_after(std::chrono::seconds(10));
  impl_->ws.handshake(res, "127.0.0.1", target, ec);
  tcp.expires_never();
  http_status_ = res.result_int();
  impl_->open = !ec;
  return impl_->open;
}

void WsClient::send(const std::string& text) {
  impl_->ws.text(true);
  impl_->ws.write(asio::buffer(text));
}

std::optional<std::string> WsClient::receive(std::chrono::milliseconds timeout) {
  if (!impl_->open) return std::nullopt;
  std::optional<std::string> out;
  bool done = false;
  impl_->ws.async_read(impl_->buffer, [&](beast::error_code ec, std::size_t) {
    done = true;
    if (ec) {
      impl_->open = false;
      return;
    }
    out = beast::buffers_to_string(impl_->buffer.data());
    impl_->buffer.consume(impl_->buffer.size());
  });
  impl_->ioc.restart();
  impl_->ioc.run_for(timeout);
  if (!done) {
    // Timed out: cancel the read; the stream is unusable afterwards.
    beast::get_lowest_layer(impl_->ws).cancel();
    impl_->ioc.restart();
    impl_->ioc.run();
    impl_->open = false;
  }
  return out;
}

void WsClient::close() {
  if (!impl_->open) return;
  impl_->open = false;
  beast::error_code ec;
  impl_->ws.close(websocket::close_code::normal, ec);
}

}  // namespace tamas::test
