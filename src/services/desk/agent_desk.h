// The agent desk: maps logged-in users to engine agents and carries their
// requests (ready / not ready, accept, reject, end, wrap-up, transfer, hold,
// messages, logout) to the engine, and the engine's decisions back to them as
// events on the EventBus:
//   topic "agent/<agent>"    offer, offer_withdrawn, contact_assigned,
//                            contact_ended, contact_transferred, wrapup_done,
//                            message, typing, contact_held, contact_resumed,
//                            customer_left, agent_state
//   topic "contact/<id>"     agent_joined, message, typing, hold, resume,
//                            queue, transferred, ended (the customer side)
// An offer carries the screen pop (offer_pop.cc): the customer (id, name,
// segment, value tier), open cases and last contacts, read through the
// store writer before the offer is published — so the agent hears of an
// offer a moment after the engine made it. An offer revoked before it was
// published is never announced (nor its withdrawal).
// The engine agent id of a user is the username.
//
// Threads: every public method is thread-safe. on_engine_event runs on the
// engine thread (subscribe it to the Switchboard) and only updates the
// desk's mirror and publishes. Completions (`done`) run on the engine thread
// or the store writer's thread; they must be quick. The mirror is advisory
// (clear errors before posting); the engine has the last word.
// All references passed to the constructor must outlive the desk.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "services/events/bus.h"
#include "services/switchboard/switchboard.h"
#include "store/writer.h"
#include "strategy/model.h"

namespace tamas::services {

struct DeskUser {
  store::RowId user = 0;
  std::string username;  // the engine agent id
  std::string display_name;
};

struct DeskContact {
  std::string id;     // "I-000001"
  std::string state;  // offered, active, held, wrap_up
  std::string queue;
  Instant since{};
  std::optional<Instant> offer_expires;  // offered: when RONA strikes
};

struct DeskAgent {
  std::string agent;
  std::string display_name;
  std::string state = "logged_out";  // engine AgentStatus names
  std::string reason;                // not-ready / logout reason
  Instant since{};                   // entered `state`
  std::vector<DeskContact> contacts;
};

struct TransferTarget {
  std::string queue;  // exactly one of queue, agent
  std::string agent;
};

class AgentDesk {
 public:
  using Done = std::function<void(const Status&)>;

  AgentDesk(const strategy::Strategy& s, store::TenantId tenant, store::StoreWriter& writer,
            Switchboard& board, EventBus& bus, const Clock& clock);
  ~AgentDesk();

  // Engine-thread subscriber.
  void on_engine_event(const ResolvedEvent& e);

  // Logs `who` in (not ready, reason "login") with the skills and queues of
  // its store Agent row; a user without one gets a default row serving every
  // agent group of the strategy. conflict when already logged in.
  void login(const DeskUser& who, std::function<void(Result<DeskAgent>)> done);
  // conflict while the agent still holds contacts.
  void logout(const std::string& agent, const std::string& reason, Done done);
  void set_ready(const std::string& agent, Done done);
  void set_not_ready(const std::string& agent, const std::string& reason, Done done);

  // Contact actions. Errors: not_found (unknown contact), permission_denied
  // (another agent's contact), conflict (wrong state, or agent logged out).
  void accept(const std::string& agent, const std::string& contact, Done done);
  void reject(const std::string& agent, const std::string& contact, Done done);
  void end(const std::string& agent, const std::string& contact, Done done);
  // Stores disposition and notes on the interaction, then ends wrap-up.
  void wrap_up(const std::string& agent, const std::string& contact, const std::string& disposition,
               const std::string& notes, Done done);
  void transfer(const std::string& agent, const std::string& contact, const TransferTarget& to,
                Done done);
  // Hold / take back a connected contact (engine ContactHold/ContactResume).
  void hold(const std::string& agent, const std::string& contact, bool on, Done done);
  // Commits the message, then tells the customer; done gets its seq.
  void send_message(const std::string& agent, const std::string& contact, const std::string& text,
                    std::function<void(Result<std::int64_t>)> done);
  Status typing(const std::string& agent, const std::string& contact);

  // Where `agent` may act on `contact` (ownership + state), as a view.
  Result<DeskContact> contact_of(const std::string& agent, const std::string& contact) const;
  Result<DeskAgent> agent(const std::string& agent) const;
  // {"contact":..,"state":..,"interaction":{..},"messages":[..]}
  // read from the store (after the ownership check).
  void details(const std::string& agent, const std::string& contact,
               std::function<void(Result<std::string>)> done);
  std::vector<DeskAgent> agents() const;  // every agent seen since start, by id

  // At server start: records "logged out, reason server restart" for every
  // agent row of the tenant (store event log and bus). done gets the count.
  void announce_restart(std::function<void(Result<int>)> done);

 private:
  struct Held {
    std::string agent;
    std::string state;
    std::string queue;
    Instant since{};
    std::optional<Instant> offer_expires;
    // Offers wait for their screen pop: serial of the offer, and whether the
    // agent was told of it yet.
    std::uint64_t offer_serial = 0;
    bool announced = true;
  };
  struct Session {
    DeskAgent view;
    bool logged_in = false;
    std::string logout_reason;  // told with the coming logged_out state
    std::set<std::string> contacts;
  };
  // REQUIRES mu_ held.
  Status check(const std::string& agent, const std::string& contact,
               std::initializer_list<const char*> states) const;
  DeskAgent view_of(const Session& s) const;
  void post_checked(const std::string& agent, const std::string& contact,
                    std::initializer_list<const char*> states, engine::Command cmd, Done done);
  void publish(const std::string& topic, const std::string& type, const std::string& json);
  void relay_from_customer(const BusEvent& e);
  // Reads the screen pop of `contact` on the writer thread, then publishes
  // `offer` with it if the offer `serial` still stands (offer_pop.cc).
  void announce_offer(const std::string& agent, const std::string& contact, std::uint64_t serial,
                      BusEvent offer);
  void handle(const ResolvedEvent& e, std::vector<BusEvent>& out);
  Duration offer_timeout(const std::string& queue) const;

  const strategy::Strategy& strategy_;
  store::TenantId tenant_;
  store::StoreWriter& writer_;
  Switchboard& board_;
  EventBus& bus_;
  const Clock& clock_;

  mutable std::mutex mu_;
  std::map<std::string, Session> sessions_;  // guarded by mu_
  std::map<std::string, Held> contacts_;     // guarded by mu_
  std::uint64_t offers_ = 0;                 // guarded by mu_
  std::unique_ptr<EventBus::Subscription> customer_feed_;
};

}  // namespace tamas::services
