// The live contact flow inside `tamas serve`: event bus, agent desk,
// supervisor feed (engine statistics pushed by the switchboard), customer
// chat, and the ticker that polls agent states (every 500 ms) and chat queue
// positions (every second).
//
// Order: construct; attach() before the switchboard starts; start() after
// (logs every agent out with reason "server restart", starts the ticker);
// stop() before the switchboard stops.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "api/access.h"
#include "api/router.h"
#include "services/chat/chat_service.h"
#include "services/desk/agent_desk.h"
#include "services/desk/supervisor_feed.h"
#include "services/events/bus.h"

namespace tamas::app {

class LiveDesk {
 public:
  // `bus` is the server's event bus (webhooks deliver from it too).
  LiveDesk(const strategy::Strategy& s, store::TenantId tenant, store::StoreWriter& writer,
           services::Switchboard& board, services::EventBus& bus, const Clock& clock);
  ~LiveDesk();

  void attach(services::Switchboard& board);
  Status start();
  void stop();
  void add_routes(api::Router& router, const api::Guard& guard);

 private:
  void tick_loop();

  services::EventBus& bus_;
  services::AgentDesk desk_;
  services::SupervisorFeed feed_;
  services::ChatService chat_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mu_
  std::thread ticker_;
};

}  // namespace tamas::app
