// Registrar: REGISTER, digest challenge and check, contact bindings.
#include "channels/voice/registrar.h"

#include <algorithm>

#include "channels/voice/digest_auth.h"
#include "core/log.h"

namespace tamas::voice {

namespace {

constexpr uint64_t kNonceMaxAgeMs = 5 * 60 * 1000;
constexpr uint32_t kDefaultExpires = 3600;

std::string str(const struct pl& p) {
  return p.p ? std::string(p.p, p.l) : std::string();
}

}  // namespace

Registrar::Registrar(const VoiceConfig& config, const VoiceEvents& events, Post post)
    : config_(config), events_(events), post_(std::move(post)) {
  secret_ = config_.nonce_secret;
  if (secret_.empty()) secret_ = std::to_string(rand_u64()) + std::to_string(rand_u64());
}

Registrar::~Registrar() {
  *alive_ = false;
  for (auto& p : pending_) mem_deref(p.second);
}

std::optional<std::string> Registrar::contact(const std::string& user) const {
  auto it = bindings_.find(user);
  if (it == bindings_.end() || it->second.expires_at <= tmr_jiffies()) return std::nullopt;
  return it->second.contact;
}

void Registrar::challenge(const struct sip_msg* msg, bool stale) {
  const std::string nonce = make_nonce(secret_, tmr_jiffies());
  sip_treplyf(nullptr, nullptr, sip_, msg, false, 401, "Unauthorized",
              "WWW-Authenticate: Digest realm=\"%s\", nonce=\"%s\", algorithm=MD5, "
              "qop=\"auth\"%s\r\nContent-Length: 0\r\n\r\n",
              config_.sip_realm.c_str(), nonce.c_str(), stale ? ", stale=true" : "");
}

void Registrar::handle(const struct sip_msg* msg) {
  const struct sip_hdr* auth = sip_msg_hdr(msg, SIP_HDR_AUTHORIZATION);
  if (!auth) return challenge(msg, false);
  const std::string user = str(msg->to.uri.user);
  auto r = parse_digest(std::string_view(auth->val.p, auth->val.l));
  if (!r || r->username != user || r->realm != config_.sip_realm || !events_.sip_credentials) {
    log(LogLevel::info, "voice.register_refused", {{"user", user}, {"why", "credentials"}});
    sip_treply(nullptr, sip_, msg, 403, "Forbidden");
    return;
  }
  switch (check_nonce(r->nonce, secret_, tmr_jiffies(), kNonceMaxAgeMs)) {
    case NonceCheck::ok:
      break;
    case NonceCheck::stale:
      return challenge(msg, true);
    case NonceCheck::invalid:
      return challenge(msg, false);
  }
  const uint64_t id = next_id_++;
  pending_.emplace(id, static_cast<struct sip_msg*>(mem_ref(const_cast<struct sip_msg*>(msg))));
  std::weak_ptr<bool> alive = alive_;
  events_.sip_credentials(
      user, [this, alive, id, resp = *r, post = post_](std::optional<std::string> ha1) {
        const bool ok = ha1 && digest_verify(resp, "REGISTER", *ha1);
        post([this, alive, id, ha1 = ok ? *ha1 : std::string()] {
          if (alive.lock()) authorised(id, ha1);
        });
      });
}

void Registrar::authorised(uint64_t id, const std::string& ha1) {
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  struct sip_msg* msg = it->second;
  pending_.erase(it);
  const std::string user = str(msg->to.uri.user);
  if (ha1.empty()) {
    log(LogLevel::info, "voice.register_refused", {{"user", user}, {"why", "password"}});
    sip_treply(nullptr, sip_, msg, 403, "Forbidden");
  } else {
    bind(msg, user);
  }
  mem_deref(msg);
}

void Registrar::bind(const struct sip_msg* msg, const std::string& user) {
  const struct sip_hdr* hdr = sip_msg_hdr(msg, SIP_HDR_CONTACT);
  struct sip_addr addr {};
  const bool wildcard = hdr && pl_strcmp(&hdr->val, "*") == 0;
  if (!wildcard && (!hdr || sip_addr_decode(&addr, &hdr->val) != 0)) {
    // No contact: a query for the current binding.
    auto c = contact(user);
    sip_treplyf(nullptr, nullptr, sip_, msg, false, 200, "OK", "%s%s%sContent-Length: 0\r\n\r\n",
                c ? "Contact: <" : "", c ? c->c_str() : "", c ? ">\r\n" : "");
    return;
  }
  uint32_t expires = pl_isset(&msg->expires) ? pl_u32(&msg->expires) : kDefaultExpires;
  struct pl param {};
  if (!wildcard && msg_param_decode(&addr.params, "expires", &param) == 0) expires = pl_u32(&param);
  if (wildcard || expires == 0) {
    bindings_.erase(user);
    log(LogLevel::info, "voice.unregistered", {{"user", user}});
    if (events_.on_registered) events_.on_registered(user, "", 0);
    sip_treplyf(nullptr, nullptr, sip_, msg, false, 200, "OK", "Content-Length: 0\r\n\r\n");
    return;
  }
  expires = std::clamp(expires, config_.min_register_expires, config_.max_register_expires);
  const std::string uri = str(addr.auri);
  bindings_[user] = Binding{uri, tmr_jiffies() + uint64_t{expires} * 1000};
  log(LogLevel::info, "voice.registered", {{"user", user}, {"contact", uri}, {"expires", expires}});
  if (events_.on_registered) events_.on_registered(user, uri, expires);
  sip_treplyf(nullptr, nullptr, sip_, msg, false, 200, "OK",
              "Contact: <%s>;expires=%u\r\nContent-Length: 0\r\n\r\n", uri.c_str(), expires);
}

}  // namespace tamas::voice
