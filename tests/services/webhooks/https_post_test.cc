// Webhook deliveries over TLS to a real receiver on loopback, with a
// self-signed certificate made for "localhost" when the test runs: trusted
// through the extra CA file, refused without it, refused for a host name the
// certificate does not carry.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <mutex>
#include <thread>

#include "server_process.h"
#include "services/webhooks/http_post.h"

namespace tamas::services {
namespace {

using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;

// A key and certificate for CN=localhost, SAN DNS:localhost, in `dir`.
struct Certificate {
  std::string cert, key;
};
Certificate make_certificate(const test::TempDir& dir) {
  Certificate c{dir.file("cert.pem"), dir.file("key.pem")};
  std::string out;
  const int rc =
      test::run_command({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                         "-keyout", c.key, "-out", c.cert, "-days", "1", "-subj", "/CN=localhost",
                         "-addext", "subjectAltName=DNS:localhost"},
                        out);
  EXPECT_EQ(rc, 0) << out;
  return c;
}

// Answers every POST with 204 over TLS; remembers the bodies.
class TlsReceiver {
 public:
  explicit TlsReceiver(const Certificate& c) : ctx_(ssl::context::tls_server) {
    ctx_.use_certificate_chain_file(c.cert);
    ctx_.use_private_key_file(c.key, ssl::context::pem);
    acceptor_.open(asio::ip::tcp::v4());
    acceptor_.bind({asio::ip::make_address("127.0.0.1"), 0});
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    accept();
    thread_ = std::thread([this] { ioc_.run(); });
  }
  ~TlsReceiver() {
    ioc_.stop();
    thread_.join();
  }
  std::uint16_t port() const { return port_; }
  std::vector<std::string> bodies() {
    std::lock_guard lock(mutex_);
    return bodies_;
  }

 private:
  struct Conn {
    Conn(asio::ip::tcp::socket s, ssl::context& ctx) : stream(std::move(s), ctx) {}
    beast::ssl_stream<beast::tcp_stream> stream;
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    http::response<http::empty_body> res;
  };
  void accept() {
    acceptor_.async_accept([this](beast::error_code ec, asio::ip::tcp::socket s) {
      if (ec) return;
      auto c = std::make_shared<Conn>(std::move(s), ctx_);
      c->stream.async_handshake(ssl::stream_base::server, [this, c](beast::error_code e) {
        if (e) return;  // the client refused our certificate
        http::async_read(c->stream, c->buffer, c->req, [this, c](beast::error_code e2, auto) {
          if (e2) return;
          {
            std::lock_guard lock(mutex_);
            bodies_.push_back(c->req.body());
          }
          c->res = http::response<http::empty_body>{http::status::no_content, 11};
          http::async_write(c->stream, c->res, [c](beast::error_code, auto) {});
        });
      });
      accept();
    });
  }
  asio::io_context ioc_;
  ssl::context ctx_;
  asio::ip::tcp::acceptor acceptor_{ioc_};
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> bodies_;
};

class HttpsPost : public ::testing::Test {
 protected:
  void SetUp() override {
    cert_ = make_certificate(dir_);
    receiver_ = std::make_unique<TlsReceiver>(cert_);
  }
  PostOutcome post(const std::string& host, const TlsOptions& tls) {
    auto url =
        parse_http_url("https://" + host + ":" + std::to_string(receiver_->port()) + "/hook");
    EXPECT_TRUE(url.ok());
    return http_post_json(*url, {{"X-Tamas-Event", "ping"}}, R"({"hello":1})", 5s, tls);
  }
  test::TempDir dir_;
  Certificate cert_;
  std::unique_ptr<TlsReceiver> receiver_;
};

TEST_F(HttpsPost, AReceiverWhoseCertificateIsTrustedGetsTheDelivery) {
  auto out = post("localhost", TlsOptions{cert_.cert});
  EXPECT_EQ(out.error, "");
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(receiver_->bodies(), std::vector<std::string>{R"({"hello":1})"});
}

TEST_F(HttpsPost, AnUntrustedCertificateIsRefusedBeforeAnythingIsSent) {
  auto out = post("localhost", TlsOptions{});
  EXPECT_EQ(out.status, 0);
  EXPECT_NE(out.error.find("tls handshake"), std::string::npos) << out.error;
  EXPECT_TRUE(receiver_->bodies().empty());
}

TEST_F(HttpsPost, ACertificateForAnotherNameIsRefused) {
  auto out = post("127.0.0.1", TlsOptions{cert_.cert});  // the certificate says localhost
  EXPECT_EQ(out.status, 0);
  EXPECT_NE(out.error.find("tls handshake"), std::string::npos) << out.error;
  EXPECT_TRUE(receiver_->bodies().empty());
}

TEST_F(HttpsPost, AMissingCaFileIsNamedInTheError) {
  auto out = post("localhost", TlsOptions{dir_.file("nope.pem")});
  EXPECT_NE(out.error.find("nope.pem"), std::string::npos) << out.error;
}

}  // namespace
}  // namespace tamas::services
