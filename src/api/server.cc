// Beast implementation of HttpServer: an acceptor plus one Session per
// connection, each reading with a deadline and a body limit.
#include "api/server.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "api/cors.h"
#include "api/request_codec.h"
#include "api/ws_session.h"
#include "core/log.h"

namespace tamas::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const ServerOptions& options, const CorsPolicy& cors,
          std::shared_ptr<const Router> router)
      : stream_(std::move(socket)), options_(options), cors_(cors), router_(std::move(router)) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? std::string("-") : ep.address().to_string();
  }

  void start() { read_next(); }

 private:
  void read_next() {
    parser_.emplace();
    parser_->body_limit(options_.body_limit);
    parser_->header_limit(static_cast<std::uint32_t>(options_.header_limit));
    stream_.expires_after(requests_ == 0 ? options_.read_timeout : options_.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       self->on_read(ec);
                     });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset) {
      return close();
    }
    if (ec) return reply_to_bad_request(ec);
    ++requests_;
    if (beast::websocket::is_upgrade(parser_->get())) return upgrade();
    Request req = decode_request(parser_->get(), remote());
    keep_alive_ = parser_->get().keep_alive();
    const bool head = req.method == "HEAD";
    const auto started = std::chrono::steady_clock::now();
    if (auto pre = cors_.preflight(req))
      return write(std::move(*pre), false, started, req.method, req.path);
    auto self = shared_from_this();
    // A handler that answers at once (on this thread, inside dispatch) has
    // its response written directly; a later answer is posted to the strand.
    auto respond = [self, head, started, method = req.method, path = req.path,
                    allow = cors_.allow_origin(req)](Response res) {
      if (!allow.empty()) res.headers.emplace_back("Access-Control-Allow-Origin", allow);
      if (CorsPolicy::public_path(path)) res.headers.emplace_back("Vary", "Origin");
      if (self->dispatching_.load(std::memory_order_acquire) == std::this_thread::get_id()) {
        self->immediate_ = std::move(res);
        return;
      }
      asio::post(self->stream_.get_executor(),
                 [self, head, started, method, path, res = std::move(res)]() mutable {
                   self->write(std::move(res), head, started, method, path);
                 });
    };
    stream_.expires_never();  // the handler may take a while; writes get their own deadline
    dispatching_.store(std::this_thread::get_id(), std::memory_order_release);
    router_->dispatch(req, std::move(respond));
    dispatching_.store(std::thread::id(), std::memory_order_release);
    if (immediate_) {
      Response res = std::move(*immediate_);
      immediate_.reset();
      write(std::move(res), head, started, req.method, req.path);
    }
  }

  void upgrade() {
    auto upgrade_msg = parser_->release();
    auto copy = upgrade_msg;  // decode_request consumes its body
    Request req = decode_request(copy, remote());
    const WsHandler* handler = router_->find_ws(req);
    if (handler && !cors_.websocket_allowed(req)) {
      keep_alive_ = false;
      return write(Response::error(403, "origin_not_allowed",
                                   "this origin may not open " + req.path),
                   false, std::chrono::steady_clock::now(), "WS", req.path);
    }
    if (!handler) {
      keep_alive_ = false;
      return write(Response::error(404, "not_found", "no WebSocket endpoint at " + req.path), false,
                   std::chrono::steady_clock::now(), "WS", req.path);
    }
    run_websocket(std::move(stream_), std::move(upgrade_msg), std::move(req), *handler,
                  options_.ws_message_limit);
  }

  void reply_to_bad_request(beast::error_code ec) {
    keep_alive_ = false;
    Response res;
    if (ec == http::error::body_limit) {
      res = Response::error(413, "payload_too_large",
                            "request body exceeds " + std::to_string(options_.body_limit) + " bytes");
    } else if (ec == http::error::header_limit) {
      res = Response::error(431, "headers_too_large", "request headers are too large");
    } else {
      res = Response::error(400, "bad_request", "malformed HTTP request: " + ec.message());
    }
    write(std::move(res), false, std::chrono::steady_clock::now(), "-", "-");
  }

  void write(Response res, bool head, std::chrono::steady_clock::time_point started,
             const std::string& method, const std::string& path) {
    auto msg = std::make_shared<http::response<http::string_body>>(encode_response(
        std::move(res), keep_alive_, head, options_.server_name));
    if (options_.log_requests) {
      const double ms = std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - started).count();
      log(LogLevel::debug, "http.request",
          {{"method", method}, {"path", path}, {"status", msg->result_int()}, {"ms", ms}});
    }
    stream_.expires_after(options_.read_timeout);
    http::async_write(stream_, *msg,
                      [self = shared_from_this(), msg](beast::error_code ec, std::size_t) {
                        if (ec || !self->keep_alive_) return self->close();
                        self->read_next();
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  const std::string& remote() const { return remote_; }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  const ServerOptions& options_;
  const CorsPolicy& cors_;
  std::shared_ptr<const Router> router_;
  bool keep_alive_ = true;
  std::uint64_t requests_ = 0;
  std::string remote_;
  std::atomic<std::thread::id> dispatching_{};
  std::optional<Response> immediate_;  // set only by the dispatching thread
};

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  CorsPolicy cors;
  std::shared_ptr<const Router> router;
  asio::io_context ioc;
  std::optional<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;
  std::atomic<bool> stopped{false};

  void accept() {
    acceptor->async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted || stopped) return;
      if (!ec) std::make_shared<Session>(std::move(s), options, cors, router)->start();
      accept();
    });
  }
};

HttpServer::HttpServer(ServerOptions options, std::shared_ptr<const Router> router)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->cors = CorsPolicy(impl_->options.cors_origins);
  impl_->router = std::move(router);
}

HttpServer::~HttpServer() { stop(); }

Result<std::uint16_t> HttpServer::start() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Error::invalid("bad listen address '" + impl_->options.address + "'");
  const tcp::endpoint endpoint{address, impl_->options.port};
  auto& acc = impl_->acceptor.emplace(impl_->ioc);
  if (acc.open(endpoint.protocol(), ec); ec) return Error::unavailable("open: " + ec.message());
  acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (acc.bind(endpoint, ec); ec)
    return Error::unavailable("cannot listen on " + impl_->options.address + ":" +
                              std::to_string(impl_->options.port) + ": " + ec.message());
  if (acc.listen(asio::socket_base::max_listen_connections, ec); ec)
    return Error::unavailable("listen: " + ec.message());
  const auto port = acc.local_endpoint().port();
  impl_->accept();
  for (int i = 0; i < std::max(1, impl_->options.threads); ++i)
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  return port;
}

void HttpServer::stop() {
  if (!impl_ || impl_->stopped.exchange(true)) return;
  asio::post(impl_->ioc, [this] {
    beast::error_code ignored;
    if (impl_->acceptor) impl_->acceptor->close(ignored);
  });
  impl_->ioc.stop();
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
}

}  // namespace tamas::api
