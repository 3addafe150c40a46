// Fuzzes what the server does with bytes from the network: HTTP parsing with
// the server's limits, request decoding (URL, query) and strict JSON bodies.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cstddef>
#include <cstdint>

#include "api/json_body.h"
#include "api/request_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace http = boost::beast::http;
  http::request_parser<http::string_body> parser;
  parser.body_limit(1 << 20);
  parser.header_limit(16 << 10);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_done()) return 0;
  auto msg = parser.release();
  tamas::api::Request req = tamas::api::decode_request(msg, "fuzz");
  tamas::api::JsonBody body(req);
  body.string("name");
  body.integer("n");
  body.string_map("fields");
  (void)body.error();
  return 0;
}
