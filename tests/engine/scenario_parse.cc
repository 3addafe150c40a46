#include "scenario_parse.h"

#include <sstream>

namespace tamas::engine::testing {

Words split_words(const std::string& line) {
  std::istringstream in(line);
  Words w;
  std::string s;
  while (in >> s) w.push_back(s);
  return w;
}

Args split_args(const Words& words, std::size_t from) {
  Args a;
  for (std::size_t i = from; i < words.size(); ++i) {
    auto eq = words[i].find('=');
    if (eq == std::string::npos) {
      a.pos.push_back(words[i]);
    } else {
      a.kv[words[i].substr(0, eq)] = words[i].substr(eq + 1);
    }
  }
  return a;
}

static Result<long long> parse_int(const std::string& s) {
  try {
    std::size_t n = 0;
    long long v = std::stoll(s, &n);
    if (n != s.size()) return Error::invalid("not a number: " + s);
    return v;
  } catch (...) {
    return Error::invalid("not a number: " + s);
  }
}

Result<Duration> parse_duration(const std::string& text) {
  long long total = 0;
  std::stringstream in(text);
  std::string part;
  int parts = 0;
  while (std::getline(in, part, ':')) {
    auto v = parse_int(part);
    if (!v) return v.error();
    total = total * 60 + *v;
    ++parts;
  }
  if (parts == 0 || parts > 3) return Error::invalid("bad time: " + text);
  return Duration{total * 1000};
}

Result<std::vector<SkillRequirement>> parse_reqs(const std::string& text) {
  std::vector<SkillRequirement> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    auto slash = item.find('/');
    SkillRequirement r;
    r.skill = item.substr(0, slash);
    if (slash != std::string::npos) {
      auto lv = parse_int(item.substr(slash + 1));
      if (!lv) return lv.error();
      r.min_level = static_cast<int>(*lv);
    }
    out.push_back(r);
  }
  return out;
}

static Result<FallbackAction> parse_action(const std::string& text) {
  FallbackAction a;
  auto colon = text.find(':');
  if (!parse_fallback(text.substr(0, colon), a.kind)) return Error::invalid("bad action: " + text);
  if (colon != std::string::npos) a.target = text.substr(colon + 1);
  return a;
}

static Status parse_relax(const std::string& text, QueueConfig& q) {
  std::stringstream in(text);
  std::string step;
  while (std::getline(in, step, ';')) {
    auto colon = step.find(':');
    if (colon == std::string::npos) return Error::invalid("relax step needs after:skills");
    auto after = parse_duration(step.substr(0, colon));
    if (!after) return after.error();
    auto reqs = parse_reqs(step.substr(colon + 1));
    if (!reqs) return reqs.error();
    q.relaxation.push_back({*after, *reqs});
  }
  return {};
}

static Status apply_queue_option(const std::string& k, const std::string& v, QueueConfig& q) {
  auto dur = [&](Duration& out) -> Status {
    auto d = parse_duration(v);
    if (!d) return d.error();
    out = *d;
    return {};
  };
  auto num = [&](int& out) -> Status {
    auto n = parse_int(v);
    if (!n) return n.error();
    out = static_cast<int>(*n);
    return {};
  };
  auto act = [&](FallbackAction& out) -> Status {
    auto a = parse_action(v);
    if (!a) return a.error();
    out = *a;
    return {};
  };
  if (k == "policy")
    return parse_policy(v, q.policy) ? Status{} : Error::invalid("bad policy " + v);
  if (k == "timeout") return dur(q.offer_timeout);
  if (k == "wrapup") return dur(q.wrapup_limit);
  if (k == "sl") return dur(q.sl_threshold);
  if (k == "aht") return dur(q.default_aht);
  if (k == "aging") {
    q.aging_per_second = std::stod(v);
    return {};
  }
  if (k == "max") return num(q.max_size);
  if (k == "prio") return num(q.default_priority);
  if (k == "skills") {
    auto r = parse_reqs(v);
    if (!r) return r.error();
    q.default_skills = *r;
    return {};
  }
  if (k == "overflow") {
    auto colon = v.find(':');
    if (colon == std::string::npos) return Error::invalid("overflow needs after:queue");
    q.overflow_target = v.substr(colon + 1);
    auto d = parse_duration(v.substr(0, colon));
    if (!d) return d.error();
    q.overflow_after = *d;
    return {};
  }
  if (k == "relax") return parse_relax(v, q);
  if (k == "closed") return act(q.closed_action);
  if (k == "noagents") return act(q.no_agents_action);
  if (k == "full") return act(q.full_action);
  if (k == "announce") {
    q.announce_position = v == "on";
    return {};
  }
  if (k == "open") {
    q.open = v == "yes";
    return {};
  }
  return Error::invalid("unknown queue option '" + k + "'");
}

Status parse_queue(const Words& w, EngineConfig& config) {
  if (w.size() < 2) return Error::invalid("queue needs an id");
  QueueConfig q;
  q.id = w[1];
  Args a = split_args(w, 2);
  if (!a.pos.empty()) return Error::invalid("unexpected word '" + a.pos[0] + "'");
  for (const auto& [k, v] : a.kv) {
    if (Status s = apply_queue_option(k, v, q); !s) return s;
  }
  config.queues.push_back(std::move(q));
  return {};
}

Status parse_slo(const Words& w, EngineConfig& config) {
  if (w.size() < 2) return Error::invalid("slo needs an id");
  SloConfig s;
  s.id = w[1];
  Args a = split_args(w, 2);
  if (!a.pos.empty()) return Error::invalid("unexpected word '" + a.pos[0] + "'");
  for (const auto& [k, v] : a.kv) {
    if (k == "type") {
      s.type = v;
    } else if (k == "segment") {
      s.segment = v;
    } else if (k == "channel") {
      Channel c;
      if (!parse_channel(v, c)) return Error::invalid("bad channel " + v);
      s.channel = c;
    } else if (k == "within") {
      auto d = parse_duration(v);
      if (!d) return d.error();
      s.threshold = *d;
    } else if (k == "target") {
      s.target = std::stod(v);
    } else {
      return Error::invalid("unknown slo key '" + k + "'");
    }
  }
  config.slos.push_back(std::move(s));
  return {};
}

Status parse_rule(const Words& w, EngineConfig& config) {
  RoutingRule r;
  std::size_t arrow = 1;
  while (arrow < w.size() && w[arrow] != "->") ++arrow;
  if (arrow == w.size()) return Error::invalid("rule needs '->'");
  Args match = split_args(Words(w.begin(), w.begin() + arrow), 1);
  for (const auto& [k, v] : match.kv) {
    if (k == "type") {
      r.type = v;
    } else if (k == "segment") {
      r.segment = v;
    } else if (k == "channel") {
      Channel c;
      if (!parse_channel(v, c)) return Error::invalid("bad channel " + v);
      r.channel = c;
    } else if (k.rfind("field.", 0) == 0) {
      r.fields.emplace_back(k.substr(6), v);
    } else {
      return Error::invalid("unknown match key '" + k + "'");
    }
  }
  Args then = split_args(w, arrow + 1);
  for (const auto& [k, v] : then.kv) {
    if (k == "queue") {
      r.queue = v;
    } else if (k == "prio") {
      auto n = parse_int(v);
      if (!n) return n.error();
      r.priority = static_cast<int>(*n);
    } else if (k == "skills") {
      auto s = parse_reqs(v);
      if (!s) return s.error();
      r.skills = *s;
    } else {
      return Error::invalid("unknown rule key '" + k + "'");
    }
  }
  config.rules.push_back(std::move(r));
  return {};
}

// cap=chat:3,voice:1 and blocks=voice:all|chat+email
Status parse_capacity(const Args& a, CapacityProfile& cap) {
  auto each = [](const std::string& list, auto fn) -> Status {
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) {
      auto colon = item.find(':');
      Channel c;
      if (colon == std::string::npos || !parse_channel(item.substr(0, colon), c)) {
        return Error::invalid("bad channel item " + item);
      }
      if (Status s = fn(c, item.substr(colon + 1)); !s) return s;
    }
    return {};
  };
  if (auto it = a.kv.find("cap"); it != a.kv.end()) {
    Status s = each(it->second, [&](Channel c, const std::string& v) -> Status {
      cap.capacity[static_cast<int>(c)] = static_cast<std::uint8_t>(std::stoi(v));
      return {};
    });
    if (!s) return s;
  }
  if (auto it = a.kv.find("blocks"); it != a.kv.end()) {
    return each(it->second, [&](Channel c, const std::string& v) -> Status {
      std::uint8_t mask = 0;
      if (v == "all") mask = 0xff;
      std::stringstream in(v);
      std::string ch;
      while (v != "all" && v != "none" && std::getline(in, ch, '+')) {
        Channel b;
        if (!parse_channel(ch, b)) return Error::invalid("bad channel " + ch);
        mask |= static_cast<std::uint8_t>(1u << static_cast<int>(b));
      }
      cap.blocks[static_cast<int>(c)] = mask;
      return {};
    });
  }
  return {};
}

}  // namespace tamas::engine::testing
