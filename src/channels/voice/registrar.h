// Registrar: agents' phones REGISTER with tamas (digest authentication, MD5)
// and offers ring the contact they registered. Internal to the voice folder.
//
// - A REGISTER without credentials gets 401 with a challenge (realm from the
//   config, a stateless nonce valid 5 minutes, qop "auth"). With credentials
//   the AOR user (To) must equal the digest username and the realm ours
//   (else 403); a stale nonce gets a fresh 401 (stale=true); the user's HA1 is
//   asked of VoiceEvents::sip_credentials (possibly answered later, on any
//   thread; the request waits meanwhile) and a wrong response, or a user
//   without credentials, gets 403.
// - Accepted: the first Contact is bound to the user with its expiry
//   (Contact ;expires, else Expires, else 3600 s; clamped to
//   [min_expires, max_expires]); Expires 0 or Contact "*" removes the
//   binding. 200 echoes the binding. VoiceEvents::on_registered is told.
// - contact(user) answers the binding while it has not expired.
//
// Thread: the voice thread only. Owns the requests waiting for credentials
// (freed with it).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "channels/voice/libre.h"
#include "channels/voice/voice_server.h"

namespace tamas::voice {

class Registrar {
 public:
  // Runs a function on the voice thread later (from any thread).
  using Post = std::function<void(std::function<void()>)>;
  Registrar(const VoiceConfig& config, const VoiceEvents& events, Post post);
  ~Registrar();
  Registrar(const Registrar&) = delete;
  Registrar& operator=(const Registrar&) = delete;

  void set_sip(struct sip* sip) { sip_ = sip; }
  void handle(const struct sip_msg* msg);  // a REGISTER
  // The registered contact of `user`, unless expired.
  std::optional<std::string> contact(const std::string& user) const;

 private:
  struct Binding {
    std::string contact;
    uint64_t expires_at = 0;  // tmr_jiffies()
  };
  void challenge(const struct sip_msg* msg, bool stale);
  void authorised(uint64_t id, const std::string& ha1_or_empty);
  void bind(const struct sip_msg* msg, const std::string& user);

  const VoiceConfig& config_;
  const VoiceEvents& events_;
  Post post_;
  struct sip* sip_ = nullptr;
  std::string secret_;  // for nonces
  uint64_t next_id_ = 1;
  std::unordered_map<uint64_t, struct sip_msg*> pending_;  // mem_ref'd, waiting for HA1
  std::unordered_map<std::string, Binding> bindings_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace tamas::voice
