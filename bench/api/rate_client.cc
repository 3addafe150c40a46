// bench_api_rate: POSTs a body at a fixed rate over keep-alive connections
// and reports latency percentiles, measured from each request's scheduled
// send time (so a slow server cannot hide queueing: no coordinated omission).
//
//   bench_api_rate --port P --rate 1000 --seconds 10 --connections 16
//                  --target /api/v1/forms/voc_form --body-file form.json
#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Clock = std::chrono::steady_clock;

struct Options {
  unsigned short port = 0;
  double rate = 1000;
  double seconds = 10;
  int connections = 16;
  std::string target = "/api/v1/forms/voc_form";
  std::string body;
};

struct Totals {
  std::mutex mutex;
  std::vector<double> latencies_ms;
  long bad_status = 0;
  long errors = 0;
};

void run_connection(const Options& o, int index, Clock::time_point t0, Totals& totals) {
  const long total = static_cast<long>(o.rate * o.seconds);
  std::vector<double> mine;
  long bad = 0, errors = 0;
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  asio::ip::tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), o.port);
  beast::error_code ec;
  stream.socket().connect(ep, ec);
  beast::flat_buffer buffer;
  for (long i = index; i < total && !ec; i += o.connections) {
    const auto due =
        t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(i / o.rate));
    std::this_thread::sleep_until(due);
    http::request<http::string_body> req{http::verb::post, o.target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    req.body() = o.body;
    req.prepare_payload();
    http::write(stream, req, ec);
    if (ec) break;
    http::response<http::string_body> res;
    http::read(stream, buffer, res, ec);
    if (ec) break;
    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - due).count());
    if (res.result_int() != 201) ++bad;
  }
  if (ec) ++errors;
  std::lock_guard lock(totals.mutex);
  totals.latencies_ms.insert(totals.latencies_ms.end(), mine.begin(), mine.end());
  totals.bad_status += bad;
  totals.errors += errors;
}

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--port")
      o.port = static_cast<unsigned short>(std::stoi(v));
    else if (k == "--rate")
      o.rate = std::stod(v);
    else if (k == "--seconds")
      o.seconds = std::stod(v);
    else if (k == "--connections")
      o.connections = std::stoi(v);
    else if (k == "--target")
      o.target = v;
    else if (k == "--body-file") {
      std::ifstream in(v);
      std::stringstream s;
      s << in.rdbuf();
      o.body = s.str();
    } else
      return false;
  }
  return o.port != 0 && o.rate > 0 && o.connections > 0;
}

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: bench_api_rate --port P [--rate R] [--seconds S] [--connections C] "
                 "[--target PATH] [--body-file FILE]\n");
    return 2;
  }
  Totals totals;
  const auto t0 = Clock::now() + std::chrono::milliseconds(100);
  std::vector<std::thread> threads;
  for (int c = 0; c < o.connections; ++c)
    threads.emplace_back([&, c] { run_connection(o, c, t0, totals); });
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  auto& l = totals.latencies_ms;
  std::sort(l.begin(), l.end());
  auto pct = [&](double p) {
    return l.empty() ? 0.0 : l[std::min(l.size() - 1, static_cast<size_t>(p * l.size()))];
  };
  std::printf(
      "requests: %zu in %.2f s (%.0f/s, target %.0f/s), non-201: %ld, connection errors: %ld\n",
      l.size(), elapsed, l.size() / elapsed, o.rate, totals.bad_status, totals.errors);
  std::printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n", pct(0.5),
              pct(0.9), pct(0.99), pct(0.999), l.empty() ? 0.0 : l.back());
  return totals.bad_status == 0 && totals.errors == 0 ? 0 : 1;
}
