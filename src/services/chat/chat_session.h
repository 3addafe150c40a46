// One customer's chat connection: reads frames, answers with frames.
// Created by ChatService::open; lives while its connection does (the
// conversation itself lives on: reconnecting with "resume" continues it).
//
// Threads: on_frame/on_close from the connection's I/O thread, one at a time;
// bus and store completions from other threads; a mutex serialises them.
#pragma once

#include <boost/json/fwd.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "services/chat/chat_service.h"

namespace tamas::services {

class ChatSession : public std::enable_shared_from_this<ChatSession> {
 public:
  ChatSession(ChatService& service, std::function<void(std::string)> send);
  ~ChatSession();

  void on_frame(const std::string& text);
  void on_close();

 private:
  enum class Phase { idle, busy, waiting, connected, ended };
  void start(const boost::json::object& f);
  void resume(const boost::json::object& f);
  void message(const boost::json::object& f);
  void typing();
  void leave();
  void transcript();
  void survey(const boost::json::object& f);  // chat_survey.cc
  // Starts following "contact/<contact>"; events are held back while
  // `replaying` and delivered after (by message seq, without duplicates).
  void attach(const std::string& contact, store::RowId interaction);
  void deliver(const BusEvent& e);
  void forward(const BusEvent& e);  // REQUIRES mu_ held
  void set_phase(Phase p);          // REQUIRES mu_ held
  void error(const std::string& code, const std::string& message);
  bool take_token();  // rate limit; REQUIRES mu_ held

  ChatService& service_;
  std::function<void(std::string)> send_;
  std::mutex mu_;
  Phase phase_ = Phase::idle;
  std::string contact_;
  store::RowId interaction_ = 0;
  std::int64_t last_seq_ = 0;  // last message seq the customer has been sent
  bool replaying_ = false;
  std::vector<BusEvent> held_back_;
  std::string last_queue_;
  std::unique_ptr<EventBus::Subscription> feed_;
  double tokens_;
  Instant refilled_{};
};

}  // namespace tamas::services
