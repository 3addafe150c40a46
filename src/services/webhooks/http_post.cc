#include "services/webhooks/http_post.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>

namespace tamas::services {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;

Result<HttpUrl> parse_http_url(const std::string& url) {
  HttpUrl out;
  std::string rest;
  if (url.rfind("https://", 0) == 0) {
    out.tls = true;
    out.port = 443;
    rest = url.substr(8);
  } else if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return Error::invalid("must start with http:// or https://");
  }
  const auto slash = rest.find_first_of("/?");
  std::string authority = rest.substr(0, slash);
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

namespace {

http::request<http::string_body> make_request(
    const HttpUrl& url, const std::vector<std::pair<std::string, std::string>>& headers,
    const std::string& body) {
  http::request<http::string_body> req{http::verb::post, url.target, 11};
  req.set(http::field::host, url.host + ":" + std::to_string(url.port));
  req.set(http::field::user_agent, "tamas-webhooks");
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  return req;
}

// Writes the request and reads the answer on a connected `stream`.
template <typename Stream>
void exchange(Stream& stream, http::request<http::string_body>& req, PostOutcome& out,
              beast::flat_buffer& buffer, http::response_parser<http::string_body>& parser) {
  http::async_write(stream, req, [&](beast::error_code e, std::size_t) {
    if (e) {
      out.error = "send: " + e.message();
      return;
    }
    http::async_read(stream, buffer, parser, [&](beast::error_code e2, std::size_t) {
      if (e2) {
        out.error = "receive: " + e2.message();
        return;
      }
      out.status = parser.get().result_int();
    });
  });
}

// The TLS context: the system's CAs and `tls.ca_file`, peer verification on.
Result<std::unique_ptr<ssl::context>> tls_context(const TlsOptions& tls) {
  auto ctx = std::make_unique<ssl::context>(ssl::context::tls_client);
  beast::error_code ec;
  ctx->set_default_verify_paths(ec);
  if (ec) return Error::unavailable("cannot load the system's CA certificates: " + ec.message());
  if (!tls.ca_file.empty()) {
    ctx->load_verify_file(tls.ca_file, ec);
    if (ec) return Error::invalid("cannot load CA file " + tls.ca_file + ": " + ec.message());
  }
  ctx->set_verify_mode(tls.verify ? ssl::verify_peer : ssl::verify_none);
  return ctx;
}

}  // namespace

// Asynchronous operations on a private io_context, because tcp_stream's
// deadline applies only to asynchronous operations; the call still blocks.
PostOutcome http_post_json(const HttpUrl& url,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body, Duration timeout, const TlsOptions& tls) {
  asio::io_context ioc;
  asio::ip::tcp::resolver resolver(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(url.host, std::to_string(url.port), ec);
  if (ec) return PostOutcome{0, "cannot resolve " + url.host + ": " + ec.message()};
  auto req = make_request(url, headers, body);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024);
  PostOutcome out;
  if (!url.tls) {
    beast::tcp_stream stream(ioc);
    stream.expires_after(timeout);
    stream.async_connect(endpoints, [&](beast::error_code e, const auto&) {
      if (e) {
        out.error = "connect: " + e.message();
        return;
      }
      exchange(stream, req, out, buffer, parser);
    });
    ioc.run();
    beast::error_code ignored;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    return out;
  }
  auto ctx = tls_context(tls);
  if (!ctx) return PostOutcome{0, "tls: " + ctx.error().message};
  beast::ssl_stream<beast::tcp_stream> stream(ioc, **ctx);
  // SNI and the name the certificate must carry.
  if (!SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str()))
    return PostOutcome{0, "tls: cannot set the server name"};
  if (tls.verify) stream.set_verify_callback(ssl::host_name_verification(url.host));
  beast::get_lowest_layer(stream).expires_after(timeout);
  beast::get_lowest_layer(stream).async_connect(endpoints, [&](beast::error_code e, const auto&) {
    if (e) {
      out.error = "connect: " + e.message();
      return;
    }
    stream.async_handshake(ssl::stream_base::client, [&](beast::error_code e2) {
      if (e2) {
        out.error = "tls handshake: " + e2.message();
        return;
      }
      exchange(stream, req, out, buffer, parser);
    });
  });
  ioc.run();
  beast::error_code ignored;
  beast::get_lowest_layer(stream).socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return out;
}

}  // namespace tamas::services
