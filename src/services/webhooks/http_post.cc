#include "services/webhooks/http_post.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace tamas::services {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

Result<HttpUrl> parse_http_url(const std::string& url) {
  const std::string scheme = "http://";
  if (url.rfind("https://", 0) == 0)
    return Error::invalid(
        "https is not supported by the built-in client; use an http:// URL (for example a "
        "TLS-terminating proxy on this host)");
  if (url.rfind(scheme, 0) != 0) return Error::invalid("must start with http://");
  std::string rest = url.substr(scheme.size());
  const auto slash = rest.find_first_of("/?");
  std::string authority = rest.substr(0, slash);
  HttpUrl out;
  if (slash != std::string::npos) {
    out.target = rest.substr(slash);
    if (out.target.front() == '?') out.target = "/" + out.target;
  }
  if (authority.find('@') != std::string::npos) return Error::invalid("must not contain user info");
  const auto colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']') == std::string::npos) {
    const std::string port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) == 0 ||
        std::stoi(port) > 65535)
      return Error::invalid("has a bad port");
    out.port = static_cast<std::uint16_t>(std::stoi(port));
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) return Error::invalid("has no host");
  if (authority.find_first_of(" \t\r\n") != std::string::npos ||
      out.target.find_first_of(" \t\r\n") != std::string::npos)
    return Error::invalid("must not contain spaces");
  out.host = authority;
  return out;
}

// Asynchronous operations on a private io_context, because tcp_stream's
// deadline applies only to asynchronous operations; the call still blocks.
PostOutcome http_post_json(const HttpUrl& url,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body, Duration timeout) {
  asio::io_context ioc;
  asio::ip::tcp::resolver resolver(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(url.host, std::to_string(url.port), ec);
  if (ec) return PostOutcome{0, "cannot resolve " + url.host + ": " + ec.message()};
  beast::tcp_stream stream(ioc);
  http::request<http::string_body> req{http::verb::post, url.target, 11};
  req.set(http::field::host, url.host + ":" + std::to_string(url.port));
  req.set(http::field::user_agent, "tamas-webhooks");
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024);
  PostOutcome out;
  auto fail = [&out](const char* step, beast::error_code e) {
    out.error = std::string(step) + ": " + e.message();
  };
  stream.expires_after(timeout);
  stream.async_connect(endpoints, [&](beast::error_code e, const auto&) {
    if (e) return fail("connect", e);
    http::async_write(stream, req, [&](beast::error_code e2, std::size_t) {
      if (e2) return fail("send", e2);
      http::async_read(stream, buffer, parser, [&](beast::error_code e3, std::size_t) {
        if (e3) return fail("receive", e3);
        out.status = parser.get().result_int();
      });
    });
  });
  ioc.run();
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return out;
}

}  // namespace tamas::services
