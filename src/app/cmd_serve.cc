// `tamas serve`: load the strategy, open the store, serve HTTP until SIGINT
// or SIGTERM, then shut down cleanly.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "api/server.h"
#include "api/static_files.h"
#include "api/system_routes.h"
#include "app/command.h"
#include "app/serve_context.h"
#include "app/version.h"
#include "core/log.h"

namespace tamas::app {
namespace {

struct ServeOptions {
  std::string strategy = "examples/automotive/strategy.yaml";
  std::string db = "var/tamas.db";
  std::string http = "127.0.0.1:8080";
  int threads = 2;
  std::string log_level = "info";
  std::string web = "web/dist";
  std::string sip;  // empty: no voice
  std::string prompts = "var/prompts";
  int session_idle_minutes = 30;
  int session_max_hours = 12;
  bool secure_cookies = false;
  std::string recordings = "var/recordings";
  std::string durability = "process";
  VoiceOutboundSettings outbound;
  std::vector<std::string> cors_origins;
  std::string webhook_ca;  // extra CA certificates (PEM) for https webhooks
};

bool split_host_port(const std::string& s, std::string& host, std::uint16_t& port) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = s.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  try {
    const long p = std::stol(s.substr(colon + 1));
    if (p < 0 || p > 65535) return false;
    port = static_cast<std::uint16_t>(p);
  } catch (...) {
    return false;
  }
  return true;
}

int wait_for_signal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

int run_serve(const ServeOptions& o) {
  set_log_level(o.log_level == "debug" ? LogLevel::debug : LogLevel::info);
  api::ServerOptions server_options;
  if (!split_host_port(o.http, server_options.address, server_options.port)) {
    std::fprintf(stderr, "tamas serve: --http expects ADDR:PORT, got '%s'\n", o.http.c_str());
    return 2;
  }
  server_options.threads = o.threads;
  server_options.log_requests = o.log_level == "debug";
  server_options.cors_origins = o.cors_origins;

  // Block the signals before any thread starts, so only sigwait sees them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  ServeSettings settings;
  settings.sessions.idle_timeout = std::chrono::minutes(o.session_idle_minutes);
  settings.sessions.absolute_timeout = std::chrono::hours(o.session_max_hours);
  settings.sessions.touch_interval =
      std::min<Duration>(std::chrono::minutes(1), settings.sessions.idle_timeout / 2);
  settings.sessions.secure_cookie = o.secure_cookies;
  settings.sync_every_commit = o.durability == "power";
  settings.webhooks.ca_file = o.webhook_ca;
  auto context = ServeContext::open(o.strategy, o.db, settings);
  if (!context) {
    std::fprintf(stderr, "tamas serve: %s\n", context.error().message.c_str());
    return 1;
  }
  auto router = std::make_shared<api::Router>();
  context.value()->add_routes(*router);
  auto web_files = api::add_static_routes(*router, o.web);
  if (!web_files) {
    std::fprintf(stderr, "tamas serve: %s\n", web_files.error().message.c_str());
    return 1;
  }

  std::string sip_at;
  if (!o.sip.empty()) {
    std::string host;
    std::uint16_t sip_port = 0;
    if (!split_host_port(o.sip, host, sip_port)) {
      std::fprintf(stderr, "tamas serve: --sip expects ADDR:PORT, got '%s'\n", o.sip.c_str());
      return 2;
    }
    auto bound = context.value()->start_voice(host, sip_port, o.prompts, o.recordings, o.outbound);
    if (!bound) {
      std::fprintf(stderr, "tamas serve: voice: %s\n", bound.error().message.c_str());
      context.value()->close();
      return 1;
    }
    sip_at = host + ":" + std::to_string(*bound);
  }

  api::HttpServer server(server_options, router);
  auto port = server.start();
  if (!port) {
    std::fprintf(stderr, "tamas serve: %s\n", port.error().message.c_str());
    return 1;
  }
  log(LogLevel::info, "serve.started",
      {{"http", server_options.address + ":" + std::to_string(*port)},
       {"strategy", o.strategy},
       {"db", o.db},
       {"web_files", *web_files},
       {"version", std::string(kVersion)},
       {"sip", sip_at},
       {"durability", o.durability}});
  const int sig = wait_for_signal();
  log(LogLevel::info, "serve.stopping", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
  server.stop();
  context.value()->close();
  log(LogLevel::info, "serve.stopped");
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{
    "serve", "Run the contact-center server (HTTP API, web UI, channels)",
    [](CLI::App& sub) -> std::function<int()> {
      auto o = std::make_shared<ServeOptions>();
      sub.add_option("--strategy", o->strategy, "Strategy YAML file")->capture_default_str();
      sub.add_option("--db", o->db, "SQLite database path")->capture_default_str();
      sub.add_option("--http", o->http, "HTTP listen address ADDR:PORT (port 0: any free port)")
          ->capture_default_str();
      sub.add_option("--web", o->web, "Built web front end to serve (missing: API only)")
          ->capture_default_str();
      sub.add_option("--sip", o->sip,
                     "SIP listen address ADDR:PORT for the voice entry points, UDP and TCP "
                     "(port 0: any free port; unset: no voice)");
      sub.add_option("--prompts", o->prompts, "Cache directory for synthesised voice prompts")
          ->capture_default_str();
      sub.add_option("--recordings", o->recordings, "Directory for call recordings (stereo WAV)")
          ->capture_default_str();
      sub.add_option("--sip-gateway", o->outbound.gateway,
                     "Outbound SIP gateway HOST:PORT (IP host) that callbacks dial customers "
                     "through (unset: callbacks are left to the desk)");
      sub.add_option("--sip-caller-id", o->outbound.caller_id,
                     "Caller id (From user) customers see on callbacks");
      sub.add_option("--callback-attempts", o->outbound.callback_attempts,
                     "Attempts to reach a customer before a callback gives up")
          ->capture_default_str()
          ->check(CLI::Range(1, 20));
      sub.add_option("--callback-retry-seconds", o->outbound.callback_retry_seconds,
                     "Wait before retrying a callback whose customer was busy or did not answer")
          ->capture_default_str()
          ->check(CLI::Range(1, 24 * 3600));
      sub.add_option("--cors-origin", o->cors_origins,
                     "Origin (https://host[:port], or *) whose pages may embed the chat widget and "
                     "web forms: public endpoints answer it cross-origin; repeatable");
      sub.add_option("--webhook-ca", o->webhook_ca,
                     "PEM file of extra CA certificates trusted for https:// webhooks (besides "
                     "the system's)")
          ->check(CLI::ExistingFile);
      sub.add_option("--threads", o->threads, "HTTP I/O threads")
          ->capture_default_str()
          ->check(CLI::Range(1, 64));
      sub.add_option("--session-idle-minutes", o->session_idle_minutes,
                     "Log a session out after this many minutes without requests")
          ->capture_default_str()
          ->check(CLI::Range(1, 24 * 60));
      sub.add_option("--session-max-hours", o->session_max_hours,
                     "Log a session out this many hours after login")
          ->capture_default_str()
          ->check(CLI::Range(1, 24 * 30));
      sub.add_flag("--secure-cookies", o->secure_cookies,
                   "Mark the session cookie Secure (when clients reach tamas over https)");
      sub.add_option("--durability", o->durability,
                     "What an acknowledged contact survives: 'process' (a crash or kill of "
                     "tamas) or 'power' (also power loss: one fsync per group commit)")
          ->capture_default_str()
          ->check(CLI::IsMember({"process", "power"}));
      sub.add_option("--log-level", o->log_level, "info or debug")
          ->capture_default_str()
          ->check(CLI::IsMember({"info", "debug"}));
      return [o] { return run_serve(*o); };
    }});

}  // namespace
}  // namespace tamas::app
