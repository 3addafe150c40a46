// Strategy summary (see summary.h).
#include "strategy/summary.h"

#include <set>

namespace tamas::strategy {

Summary summarize(const Strategy& s) {
  Summary x;
  x.segments = int(s.segments.size());
  x.types = int(s.types.size());
  std::set<ChannelKind> channels;
  for (const auto& e : s.entry_points) channels.insert(e.channel);
  x.channels = int(channels.size());
  x.entry_points = int(s.entry_points.size());
  x.queues = int(s.queues.size());
  x.routing_rules = int(s.routes.size());
  x.ivr_menus = int(s.ivr_menus.size());
  x.service_levels = int(s.service_levels.size());
  x.schedules = int(s.schedules.size());
  x.holidays = int(s.holidays.size());
  x.skills = int(s.skills.size());
  x.agent_groups = int(s.agent_groups.size());
  x.fields = int(s.fields.size());
  x.surveys = int(s.surveys.size());
  x.partners = int(s.partners.size());
  if (s.cases) {
    x.case_kinds = int(s.cases->kinds.size());
    x.case_categories = int(s.cases->categories.size());
    x.departments = int(s.cases->departments.size());
    x.case_targets = int(s.cases->sla.size());
  }
  return x;
}

std::string to_text(const Strategy& s, const Summary& x) {
  const std::string name =
      s.organisation.name.en.empty() ? s.organisation.name.fa : s.organisation.name.en;
  std::string out = "strategy OK: " + name + " (" + s.organisation.id + ")";
  if (!s.governance.version.empty()) out += ", version " + s.governance.version;
  out += "\n";
  auto line = [&](const char* label, int n) {
    out += "  " + std::string(label) + ": " + std::to_string(n) + "\n";
  };
  line("segments", x.segments);
  line("interaction types", x.types);
  line("channels", x.channels);
  line("entry points", x.entry_points);
  line("queues", x.queues);
  line("routing rules", x.routing_rules);
  line("IVR menus", x.ivr_menus);
  line("service levels", x.service_levels);
  line("schedules", x.schedules);
  line("holidays", x.holidays);
  line("skills", x.skills);
  line("agent groups", x.agent_groups);
  line("fields", x.fields);
  line("partners", x.partners);
  line("surveys", x.surveys);
  if (!s.cases) {
    out += "  cases: built-in defaults (no cases section)\n";
    return out;
  }
  line("case kinds", x.case_kinds);
  line("case categories", x.case_categories);
  line("departments", x.departments);
  line("case SLA targets", x.case_targets);
  return out;
}

}  // namespace tamas::strategy
