// Runs a scenario file against a fresh engine; see scenario.h for the format.
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>

#include "engine/describe.h"
#include "engine/engine.h"
#include "scenario.h"
#include "scenario_expect.h"
#include "scenario_parse.h"

namespace tamas::engine::testing {

namespace {

class Runner {
 public:
  ScenarioOutcome run(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    std::string raw;
    int lineno = 0;
    while (std::getline(in, raw)) {
      ++lineno;
      auto hash = raw.find('#');
      Words w = split_words(hash == std::string::npos ? raw : raw.substr(0, hash));
      if (w.empty()) continue;
      if (Status s = line(w); !s)
        return {false, name + ":" + std::to_string(lineno) + ": " + s.error().message};
    }
    if (!st_.engine) {
      if (Status s = ensure_engine(); !s) return {false, name + ": " + s.error().message};
    }
    if (Status s = check_replay(); !s) return {false, name + ": replay: " + s.error().message};
    return {};
  }

 private:
  Status line(const Words& w) {
    const std::string& k = w[0];
    if (k == "expect") {
      if (!st_.engine) return Error::invalid("expect before any timed line");
      return expect(st_, w);
    }
    if (k == "at" || k == "advance") {
      if (w.size() < 2) return Error::invalid(k + " needs a time");
      auto d = parse_duration(w[1]);
      if (!d) return d.error();
      if (Status s = ensure_engine(); !s) return s;
      Instant t = k == "at" ? scenario_origin() + *d : st_.engine->now() + *d;
      if (t < st_.engine->now()) return Error::invalid("time goes backwards");
      auto cmd = parse_command(w, 2, st_.config.default_capacity);
      if (!cmd) return cmd.error();
      return exec(*cmd, t);
    }
    if (st_.engine) return Error::invalid("configuration after the first timed line");
    if (k == "skills") {
      st_.config.skills.insert(st_.config.skills.end(), w.begin() + 1, w.end());
      return {};
    }
    if (k == "queue") return parse_queue(w, st_.config);
    if (k == "rule") return parse_rule(w, st_.config);
    if (k == "slo") return parse_slo(w, st_.config);
    if (k == "default_queue" && w.size() == 2) {
      st_.config.default_queue = w[1];
      return {};
    }
    if (k == "capacity") {
      Args a;
      std::string list;
      for (std::size_t i = 1; i < w.size(); ++i) {
        auto eq = w[i].find('=');
        if (eq == std::string::npos) return Error::invalid("capacity needs channel=n");
        list += (list.empty() ? "" : ",") + w[i].substr(0, eq) + ":" + w[i].substr(eq + 1);
      }
      a.kv["cap"] = list;
      return parse_capacity(a, st_.config.default_capacity);
    }
    return Error::invalid("unknown statement '" + k + "'");
  }

  Status ensure_engine() {
    if (st_.engine) return {};
    auto e = Engine::create(st_.config);
    if (!e) return Error::invalid("config: " + e.error().message);
    st_.engine = std::move(*e);
    st_.engine->advance_to(scenario_origin());
    log_.emplace_back(Command{AdvanceTime{}}, scenario_origin());
    return {};
  }

  Status exec(const Command& cmd, Instant t) {
    log_.emplace_back(cmd, t);
    ApplyResult r = st_.engine->apply(cmd, t);
    st_.last_status = r.status;
    st_.batch.clear();
    st_.cursor = 0;
    for (const Event& e : r.events) st_.batch.push_back(describe(*st_.engine, e));
    all_.insert(all_.end(), st_.batch.begin(), st_.batch.end());
    return {};
  }

  Status check_replay() {
    auto e = Engine::create(st_.config);
    if (!e) return e.error();
    std::vector<std::string> texts;
    for (const auto& [cmd, t] : log_) {
      ApplyResult r = (*e)->apply(cmd, t);
      for (const Event& ev : r.events) texts.push_back(describe(**e, ev));
    }
    if (texts != all_) return Error::internal("events differ");
    if ((*e)->dump_state() != st_.engine->dump_state()) return Error::internal("state differs");
    return {};
  }

  RunState st_;
  std::vector<std::pair<Command, Instant>> log_;
  std::vector<std::string> all_;
};

}  // namespace

ScenarioOutcome run_scenario(const std::string& text, const std::string& name) {
  Runner r;
  return r.run(text, name);
}

ScenarioOutcome run_scenario_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {false, path + ": cannot open"};
  std::stringstream buf;
  buf << in.rdbuf();
  return run_scenario(buf.str(), path);
}

}  // namespace tamas::engine::testing
