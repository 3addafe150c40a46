#include "app/serve_desk.h"

#include <future>

#include "api/agent_ws.h"
#include "api/chat_ws.h"
#include "api/credentials.h"
#include "api/desk_routes.h"
#include "core/log.h"

namespace tamas::app {

LiveDesk::LiveDesk(const strategy::Strategy& s, store::TenantId tenant, store::StoreWriter& writer,
                   services::Switchboard& board, services::EventBus& bus, const Clock& clock)
    : bus_(bus),
      desk_(s, tenant, writer, board, bus_, clock),
      feed_(s, tenant, board, desk_, bus_, clock),
      chat_(s, tenant, writer, board, bus_, clock,
            services::TokenMint{[] { return api::random_token(24); },
                                [](const std::string& t) { return api::token_digest(t); }}) {}

LiveDesk::~LiveDesk() {
  stop();
}

void LiveDesk::attach(services::Switchboard& board) {
  board.subscribe([this](const services::ResolvedEvent& e) { desk_.on_engine_event(e); });
  board.subscribe_stats([this](const services::StatsUpdate& u) { feed_.on_stats(u); });
}

Status LiveDesk::start() {
  std::promise<Result<int>> restarted;
  desk_.announce_restart([&](Result<int> n) { restarted.set_value(std::move(n)); });
  auto n = restarted.get_future().get();
  if (!n) return n.error();
  log(LogLevel::info, "desk.agents_logged_out", {{"agents", *n}, {"reason", "server restart"}});
  feed_.prime();
  ticker_ = std::thread([this] { tick_loop(); });
  return {};
}

void LiveDesk::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void LiveDesk::tick_loop() {
  for (int tick = 0;; ++tick) {
    {
      std::unique_lock lock(mu_);
      if (wake_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; }))
        return;
    }
    feed_.poll();
    if (tick % 2 == 0) chat_.refresh_positions();
  }
}

void LiveDesk::add_routes(api::Router& router, const api::Guard& guard) {
  api::add_desk_routes(router, guard, desk_, feed_);
  api::add_live_ws(router, guard, desk_, feed_, bus_);
  api::add_chat_routes(router, chat_);
}

}  // namespace tamas::app
