#include "scenario_expect.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "engine/describe.h"

namespace tamas::engine::testing {

namespace {

std::string batch_text(const RunState& st) {
  std::string s = "\n  events of this step:";
  for (const auto& e : st.batch) s += "\n    " + e;
  if (st.batch.empty()) s += " (none)";
  return s;
}

bool matches(const Words& want, std::size_t from, const std::string& event) {
  Args e = split_args(split_words(event), 0);
  Args x = split_args(want, from);
  if (x.pos.size() > e.pos.size()) return false;
  for (std::size_t i = 0; i < x.pos.size(); ++i) {
    if (x.pos[i] != e.pos[i]) return false;
  }
  for (const auto& [k, v] : x.kv) {
    auto it = e.kv.find(k);
    if (it == e.kv.end() || it->second != v) return false;
  }
  return true;
}

double secs(Duration d) {
  return static_cast<double>(d.count()) / 1000.0;
}

Status compare(const std::string& what, const std::map<std::string, double>& have,
               const std::map<std::string, std::string>& want) {
  for (const auto& [k, v] : want) {
    auto it = have.find(k);
    if (it == have.end()) return Error::invalid("unknown " + what + " key '" + k + "'");
    double expected = std::stod(v);
    if (std::fabs(it->second - expected) > 0.005) {
      return Error::invalid(what + " " + k + ": expected " + v + ", got " +
                            std::to_string(it->second));
    }
  }
  return {};
}

Status expect_stats(RunState& st, const Args& a) {
  if (a.pos.size() != 1) return Error::invalid("expect stats <queue> k=v...");
  auto s = st.engine->queue_stats(a.pos[0]);
  if (!s) return s.error();
  std::map<std::string, double> have = {{"waiting", s->waiting},
                                        {"longest", secs(s->longest_wait)},
                                        {"agents", s->serving_agents},
                                        {"offered", double(s->offered)},
                                        {"answered", double(s->answered)},
                                        {"abandoned", double(s->abandoned)},
                                        {"within", double(s->answered_within)},
                                        {"overflowed", double(s->overflowed)},
                                        {"fallback", double(s->fallback)},
                                        {"completed", double(s->completed)},
                                        {"hold", secs(s->total_hold)},
                                        {"sl", s->service_level},
                                        {"asa", secs(s->asa)},
                                        {"aht", secs(s->aht)},
                                        {"occupancy", s->occupancy}};
  return compare("stats", have, a.kv);
}

Status expect_agentstats(RunState& st, const Args& a) {
  if (a.pos.size() != 1) return Error::invalid("expect agentstats <agent> k=v...");
  auto s = st.engine->agent_stats(a.pos[0]);
  if (!s) return s.error();
  std::map<std::string, double> have = {{"handled", double(s->handled)},
                                        {"talk", secs(s->talk_time)},
                                        {"hold", secs(s->hold_time)},
                                        {"wrap", secs(s->wrap_time)},
                                        {"ready", secs(s->ready_time)},
                                        {"notready", secs(s->not_ready_time)},
                                        {"busy", secs(s->busy_time)},
                                        {"occupancy", s->occupancy}};
  return compare("agentstats", have, a.kv);
}

// expect slo <id> [queue <q> | agent <a> | of <contact>] k=v...
Status expect_slo(RunState& st, const Args& a) {
  if (a.pos.size() == 3 && a.pos[1] == "of") {
    std::string got(st.engine->contact_slo(a.pos[2]));
    if (got != a.pos[0]) return Error::invalid(a.pos[2] + " has SLO '" + got + "'");
    return {};
  }
  if (a.pos.size() != 1 && a.pos.size() != 3) {
    return Error::invalid("expect slo <id> [queue <q> | agent <a> | of <contact>] k=v...");
  }
  auto s = st.engine->slo_stats(a.pos[0]);
  if (!s) return s.error();
  SloFigures f = s->total;
  if (a.pos.size() == 3) {
    const auto& rows = a.pos[1] == "queue" ? s->by_queue : s->by_agent;
    if (a.pos[1] != "queue" && a.pos[1] != "agent") return Error::invalid("queue or agent?");
    auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.first == a.pos[2]; });
    f = it == rows.end() ? SloFigures{} : it->second;
  }
  std::map<std::string, double> have = {{"waiting", f.waiting},
                                        {"longest", secs(f.longest_wait)},
                                        {"offered", double(f.offered)},
                                        {"answered", double(f.answered)},
                                        {"abandoned", double(f.abandoned)},
                                        {"within", double(f.answered_within)},
                                        {"completed", double(f.completed)},
                                        {"hold", secs(f.total_hold)},
                                        {"sl", f.service_level},
                                        {"asa", secs(f.asa)},
                                        {"aht", secs(f.aht)},
                                        {"occupancy", f.occupancy}};
  return compare("slo", have, a.kv);
}

Status expect_agent(RunState& st, const Args& a) {
  if (a.pos.size() < 2) return Error::invalid("expect agent <id> <status>");
  auto v = st.engine->agent_view(a.pos[0]);
  if (!v) return v.error();
  if (to_string(v->status) != a.pos[1]) {
    return Error::invalid("agent " + a.pos[0] + " is " + to_string(v->status));
  }
  if (auto it = a.kv.find("reason"); it != a.kv.end() && it->second != v->reason) {
    return Error::invalid("agent " + a.pos[0] + " reason is '" + v->reason + "'");
  }
  if (auto it = a.kv.find("active"); it != a.kv.end() && std::stoi(it->second) != v->active) {
    return Error::invalid("agent " + a.pos[0] + " holds " + std::to_string(v->active));
  }
  return {};
}

Status expect_waiting(RunState& st, const Args& a) {
  if (a.pos.empty()) return Error::invalid("expect waiting <queue> [contacts...]");
  auto rows = st.engine->waiting(a.pos[0]);
  if (!rows) return rows.error();
  std::string got, want;
  for (const auto& r : *rows) got += " " + std::string(st.engine->contact_id(r.contact));
  for (std::size_t i = 1; i < a.pos.size(); ++i) want += " " + a.pos[i];
  if (got != want)
    return Error::invalid("waiting in " + a.pos[0] + ":" + got + " (expected" + want + ")");
  return {};
}

Status expect_position(RunState& st, const Args& a) {
  if (a.pos.size() != 2) return Error::invalid("expect position <contact> <n> [ewt=s]");
  auto w = st.engine->waiting_contact(a.pos[0]);
  if (!w) return w.error();
  if (std::to_string(w->position) != a.pos[1]) {
    return Error::invalid(a.pos[0] + " is at position " + std::to_string(w->position));
  }
  if (auto it = a.kv.find("ewt"); it != a.kv.end() && format_seconds(w->ewt) != it->second) {
    return Error::invalid(a.pos[0] + " ewt is " + format_seconds(w->ewt));
  }
  return {};
}

}  // namespace

Status expect(RunState& st, const Words& w) {
  if (w.size() < 2) return Error::invalid("expect what?");
  const std::string& k = w[1];
  Args a = split_args(w, 2);
  if (k == "stats") return expect_stats(st, a);
  if (k == "agentstats") return expect_agentstats(st, a);
  if (k == "slo") return expect_slo(st, a);
  if (k == "agent") return expect_agent(st, a);
  if (k == "waiting") return expect_waiting(st, a);
  if (k == "position") return expect_position(st, a);
  if (k == "error") {
    if (st.last_status.ok()) return Error::invalid("the command succeeded");
    return {};
  }
  if (k == "ok") {
    if (!st.last_status.ok())
      return Error::invalid("command failed: " + st.last_status.error().message);
    return {};
  }
  if (k == "nothing") {
    if (!st.batch.empty()) return Error::invalid("expected no events" + batch_text(st));
    return {};
  }
  if (k == "no") {
    for (const auto& e : st.batch) {
      if (matches(w, 2, e)) return Error::invalid("unexpected event '" + e + "'" + batch_text(st));
    }
    return {};
  }
  if (!st.last_status.ok()) {
    return Error::invalid("command failed: " + st.last_status.error().message);
  }
  for (std::size_t i = st.cursor; i < st.batch.size(); ++i) {
    if (matches(w, 1, st.batch[i])) {
      st.cursor = i + 1;
      return {};
    }
  }
  std::string want;
  for (std::size_t i = 1; i < w.size(); ++i) want += (i > 1 ? " " : "") + w[i];
  return Error::invalid("no event '" + want + "' (in order)" + batch_text(st));
}

}  // namespace tamas::engine::testing
