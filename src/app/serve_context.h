// Everything `tamas serve` runs on: the active strategy, the store, and the
// API routes over them. Owned by the serve command; lives until close().
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "api/router.h"
#include "core/result.h"

namespace tamas::app {

class ServeContext {
 public:
  // Loads and validates the strategy file and opens (creating, migrating)
  // the database. Errors name the file and what is wrong.
  static Result<std::unique_ptr<ServeContext>> open(const std::string& strategy_path,
                                                    const std::string& db_path);
  virtual ~ServeContext() = default;

  virtual void add_routes(api::Router& router) = 0;
  // Answers the strategy's voice entry points over SIP (UDP and TCP) at
  // addr:port (port 0: any free port); returns the port. Prompts are
  // synthesised once into `prompt_cache` (a directory, created if needed).
  virtual Result<std::uint16_t> start_voice(const std::string& addr, std::uint16_t port,
                                            const std::string& prompt_cache) = 0;
  // Flushes pending writes and closes the store. Call after the HTTP server stopped.
  virtual void close() = 0;
};

}  // namespace tamas::app
