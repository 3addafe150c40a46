// Scenario files for the routing engine (tests/engine/scenarios/*.scenario).
//
// Format (one statement per line, '#' starts a comment):
//   skills sales billing english
//   queue sales policy=longest_idle timeout=20 wrapup=30 sl=20 aging=1 max=10 prio=0
//         skills=sales/2 overflow=60:support relax=30:sales/1;60: aht=180
//         closed=voicemail_callback noagents=message:busy full=transfer:+98211 announce=off open=no
//   rule type=complaint segment=vip channel=chat field.product=car -> queue=vip prio=10
//   skills=billing/3 default_queue sales capacity chat=2 email=5            (default agent
//   capacity)
//   slo vip-voice type=complaint channel=voice segment=vip within=20 target=0.8
//                                  (unset type/channel/segment = "*")
// then timed commands (times since 08:00:00 UTC; `at` is absolute, `advance` relative):
//   at 00:05 login a1 skills=sales/3 queues=sales ready cap=chat:3 blocks=voice:all
//   at 00:06 arrive c1 chat type=complaint segment=vip field.product=car prio=5 queue=sales
//   accept a1 c1 | reject a1 c1 | abandon c1 | end c1 | wrapdone a1 c1 | ready a1
//   notready a1 lunch | logout a1 | transfer c1 queue=support | transfer c1 agent=a2
//   callback c1 | open sales | close sales | reset | hold c1 | resume c1
//   arrive c1 voice arrived=00:10  (re-queue: original arrival, same clock as `at`)
//   advance 30      (seconds, or mm:ss)
// and expectations about the events of the latest timed line, in order:
//   expect offer c1 -> a2          (positional words, then key=value subset)
//   expect no offer                (no such event in the whole batch)
//   expect agent a1 not_ready reason=rona
//   expect stats sales answered=3 abandoned=1 sl=0.75 asa=10
//   expect agentstats a1 handled=2 talk=120 hold=30
//   expect slo vip-voice answered=2 sl=0.5     (overall figures of an SLO)
//   expect slo vip-voice queue sales waiting=1 (its row for a queue / an agent)
//   expect slo vip-voice agent a1 aht=90 occupancy=0.5
//   expect slo vip-voice of c1     (the SLO contact c1 resolved at arrival)
//   expect waiting sales c3 c1 c2  (exact service order)
//   expect position c3 2 ewt=60
//   expect error                   (the latest command was refused)
// After the last line the runner replays the recorded command log into a
// fresh engine and requires identical events and state.
#pragma once

#include <string>

namespace tamas::engine::testing {

struct ScenarioOutcome {
  bool ok = true;
  std::string message;  // "file:line: why" on failure
};

ScenarioOutcome run_scenario(const std::string& text, const std::string& name);
ScenarioOutcome run_scenario_file(const std::string& path);

}  // namespace tamas::engine::testing
