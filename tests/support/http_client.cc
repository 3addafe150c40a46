#include "http_client.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <cctype>

namespace tamas::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct HttpConnection::Impl {
  asio::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
};

HttpConnection::HttpConnection(std::uint16_t port, std::string host) : impl_(std::make_unique<Impl>()) {
  impl_->stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address(host), port));
}

HttpConnection::~HttpConnection() {
  beast::error_code ec;
  impl_->stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
}

HttpReply HttpConnection::request(const std::string& method, const std::string& target,
                                  const std::string& body,
                                  const std::map<std::string, std::string>& headers) {
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    if (req.find(http::field::content_type) == req.end())
      req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
  }
  impl_->stream.expires_after(std::chrono::seconds(30));
  http::write(impl_->stream, req);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 << 20);
  if (method == "HEAD") parser.skip(true);
  http::read(impl_->stream, impl_->buffer, parser);
  auto& res = parser.get();
  HttpReply reply;
  reply.status = res.result_int();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(f.value());
  }
  reply.body = res.body();
  return reply;
}

std::string HttpConnection::raw(const std::string& bytes, std::size_t max) {
  impl_->stream.expires_after(std::chrono::seconds(30));
  asio::write(impl_->stream, asio::buffer(bytes));
  std::string out;
  char buf[4096];
  beast::error_code ec;
  while (out.size() < max) {
    const auto n = impl_->stream.read_some(asio::buffer(buf), ec);
    if (ec) break;
    out.append(buf, n);
  }
  return out;
}

HttpReply http_get(std::uint16_t port, const std::string& target) {
  return HttpConnection(port).request("GET", target);
}

HttpReply http_post(std::uint16_t port, const std::string& target, const std::string& body,
                    const std::string& content_type) {
  return HttpConnection(port).request("POST", target, body, {{"content-type", content_type}});
}

}  // namespace tamas::test
