// Everything `tamas serve` runs on: the active strategy, the store, and the
// API routes over them. Owned by the serve command; lives until close().
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "api/access.h"
#include "api/auth_routes.h"
#include "api/router.h"
#include "api/session_guard.h"
#include "core/result.h"
#include "services/webhooks/dispatcher.h"

namespace tamas::app {

struct ServeSettings {
  api::SessionPolicy sessions;
  api::LoginLimits logins;
  services::WebhookOptions webhooks;
  // true: every commit is synced to disk (SQLite synchronous=FULL), so an
  // acknowledged contact survives power loss; false: it survives a crash or
  // kill of the process (WAL, synchronous=NORMAL).
  bool sync_every_commit = false;
};

// Outbound voice: callbacks dial the agent, then the customer through this
// gateway ("host:port", IP host), with these retry rules.
struct VoiceOutboundSettings {
  std::string gateway;
  std::string caller_id;
  int callback_attempts = 3;
  int callback_retry_seconds = 300;
};

class ServeContext {
 public:
  // Loads and validates the strategy file and opens (creating, migrating)
  // the database. A file whose text the tenant has not stored yet becomes the
  // active version; then the active version runs (the file, or a version
  // uploaded over POST /api/v1/strategy/versions since the file was stored).
  // Errors name the file and what is wrong.
  static Result<std::unique_ptr<ServeContext>> open(const std::string& strategy_path,
                                                    const std::string& db_path,
                                                    ServeSettings settings = {});
  virtual ~ServeContext() = default;

  virtual void add_routes(api::Router& router) = 0;
  // Answers the strategy's voice entry points over SIP (UDP and TCP) at
  // addr:port (port 0: any free port); returns the port. Prompts are
  // synthesised once into `prompt_cache` (a directory, created if needed).
  // Offered calls ring the agents' sip_uri; bridged calls are recorded in
  // `recordings` (empty: not recorded).
  // `outbound`: the gateway callbacks are dialled through (docs/voice.md
  // "Outbound callbacks"); an empty gateway leaves callbacks to the desk.
  virtual Result<std::uint16_t> start_voice(const std::string& addr, std::uint16_t port,
                                            const std::string& prompt_cache,
                                            const std::string& recordings,
                                            const VoiceOutboundSettings& outbound) = 0;
  // The guard every protected route group is given (sessions, API tokens,
  // CSRF; see api/session_guard.h). Lives as long as the context.
  virtual const api::Guard& guard() const = 0;
  // Flushes pending writes and closes the store. Call after the HTTP server stopped.
  virtual void close() = 0;
};

}  // namespace tamas::app
