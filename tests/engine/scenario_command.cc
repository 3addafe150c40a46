// Scenario command lines -> engine Commands.
#include <sstream>

#include "scenario_parse.h"

namespace tamas::engine::testing {

namespace {

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Result<Command> parse_login(const Args& a, const CapacityProfile& default_cap) {
  if (a.pos.empty()) return Error::invalid("login needs an agent id");
  AgentLogin l;
  l.agent = a.pos[0];
  for (std::size_t i = 1; i < a.pos.size(); ++i) {
    if (a.pos[i] != "ready") return Error::invalid("unexpected word '" + a.pos[i] + "'");
    l.ready = true;
  }
  if (auto it = a.kv.find("skills"); it != a.kv.end()) {
    auto reqs = parse_reqs(it->second);
    if (!reqs) return reqs.error();
    for (const auto& r : *reqs) l.skills.push_back({r.skill, r.min_level});
  }
  if (auto it = a.kv.find("queues"); it != a.kv.end()) l.queues = split_list(it->second);
  if (a.kv.count("cap") || a.kv.count("blocks")) {
    CapacityProfile cap = default_cap;
    if (Status s = parse_capacity(a, cap); !s) return s.error();
    l.capacity = cap;
  }
  return Command{l};
}

Result<Command> parse_arrive(const Args& a) {
  if (a.pos.empty()) return Error::invalid("arrive needs a contact id");
  ContactArrive c;
  c.contact = a.pos[0];
  if (a.pos.size() > 1 && !parse_channel(a.pos[1], c.channel)) {
    return Error::invalid("bad channel '" + a.pos[1] + "'");
  }
  for (const auto& [k, v] : a.kv) {
    if (k == "type") {
      c.type = v;
    } else if (k == "segment") {
      c.segment = v;
    } else if (k == "prio") {
      c.priority = std::stoi(v);
    } else if (k == "queue") {
      c.queue = v;
    } else if (k == "arrived") {  // original arrival, since 08:00 like `at`
      auto d = parse_duration(v);
      if (!d) return d.error();
      c.arrived_at = scenario_origin() + *d;
    } else if (k.rfind("field.", 0) == 0) {
      c.fields.emplace_back(k.substr(6), v);
    } else {
      return Error::invalid("unknown arrive key '" + k + "'");
    }
  }
  return Command{c};
}

Result<Command> need(const Args& a, std::size_t n, const std::string& verb) {
  if (a.pos.size() != n) return Error::invalid(verb + " needs " + std::to_string(n) + " ids");
  return Command{AdvanceTime{}};
}

}  // namespace

Result<Command> parse_command(const Words& w, std::size_t from,
                              const CapacityProfile& default_cap) {
  if (from >= w.size()) return Command{AdvanceTime{}};
  const std::string& verb = w[from];
  Args a = split_args(w, from + 1);
  if (verb == "login") return parse_login(a, default_cap);
  if (verb == "arrive") return parse_arrive(a);
  if (verb == "reset") return Command{ResetStats{}};
  if (verb == "notready") {
    if (a.pos.empty()) return Error::invalid("notready needs an agent");
    return Command{AgentNotReady{a.pos[0], a.pos.size() > 1 ? a.pos[1] : ""}};
  }
  if (verb == "transfer") {
    if (a.pos.size() != 1) return Error::invalid("transfer needs a contact");
    if (a.kv.count("queue")) return Command{TransferToQueue{a.pos[0], a.kv.at("queue")}};
    if (a.kv.count("agent")) return Command{TransferToAgent{a.pos[0], a.kv.at("agent")}};
    return Error::invalid("transfer needs queue= or agent=");
  }
  if (verb == "consult") {
    if (a.pos.size() != 1 || !a.kv.count("agent"))
      return Error::invalid("consult <contact> agent=");
    return Command{ConsultBegin{a.pos[0], a.kv.at("agent")}};
  }
  bool two = verb == "accept" || verb == "reject" || verb == "wrapdone";
  if (auto ok = need(a, two ? 2 : 1, verb); !ok) return ok.error();
  const auto& p = a.pos;
  if (verb == "accept") return Command{AcceptOffer{p[0], p[1]}};
  if (verb == "reject") return Command{RejectOffer{p[0], p[1]}};
  if (verb == "wrapdone") return Command{WrapUpDone{p[0], p[1]}};
  if (verb == "ready") return Command{AgentReady{p[0]}};
  if (verb == "logout") return Command{AgentLogout{p[0]}};
  if (verb == "abandon") return Command{ContactAbandon{p[0]}};
  if (verb == "end") return Command{ContactEnd{p[0]}};
  if (verb == "callback") return Command{CallbackRequest{p[0]}};
  if (verb == "hold") return Command{ContactHold{p[0]}};
  if (verb == "resume") return Command{ContactResume{p[0]}};
  if (verb == "consultend") return Command{ConsultEnd{p[0]}};
  if (verb == "open") return Command{QueueOpen{p[0]}};
  if (verb == "close") return Command{QueueClose{p[0]}};
  return Error::invalid("unknown command '" + verb + "'");
}

}  // namespace tamas::engine::testing
