// A short, human-readable summary of a compiled Strategy (for `tamas check`).
#pragma once

#include <string>

#include "strategy/model.h"

namespace tamas::strategy {

struct Summary {
  int segments = 0, types = 0, channels = 0, entry_points = 0, queues = 0, routing_rules = 0,
      ivr_menus = 0, service_levels = 0, schedules = 0, holidays = 0, skills = 0, agent_groups = 0,
      fields = 0, surveys = 0, partners = 0;
  // The cases section; all zero when the file has none.
  int case_kinds = 0, case_categories = 0, departments = 0, case_targets = 0;
};

Summary summarize(const Strategy& s);
// Multi-line text, one "name: count" per line, headed by the organisation.
std::string to_text(const Strategy& s, const Summary& sum);

}  // namespace tamas::strategy
