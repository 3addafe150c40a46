// The strategy loader's per-file state and its section parsers. Internal to
// strategy/: each parse_* reads one top-level section of the YAML document
// into `ctx.st`, recording diagnostics in `ctx.sink`. Sections are parsed in
// dependency order (loader.cc) so references resolve as they are read.
#pragma once

#include <string>
#include <vector>

#include "strategy/reader.h"

namespace tamas::strategy::detail {

struct Ctx {
  explicit Ctx(const std::string& file)
      : sink(file),
        schedules(sink, "schedule"),
        fields(sink, "field"),
        skills(sink, "skill"),
        groups(sink, "agent group"),
        queues(sink, "queue"),
        partners(sink, "partner"),
        segments(sink, "segment"),
        types(sink, "interaction type"),
        menus(sink, "IVR menu"),
        entry_points(sink, "entry point"),
        routes(sink, "routing rule") {}

  // Where relative paths are resolved and checked (load_strategy_text).
  std::optional<std::string> base_dir;
  Sink sink;
  Strategy st;
  IdTable schedules, fields, skills, groups, queues, partners, segments, types, menus, entry_points,
      routes;
  // organisation.business_hours, resolved once the hours are read.
  YAML::Node business_hours = YAML::Node(YAML::NodeType::Undefined);
};

// Enum name tables, in enum order (model.h).
const std::vector<std::string>& case_kind_names();
const std::vector<std::string>& channel_names();
const std::vector<std::string>& field_type_names();
const std::vector<std::string>& privacy_names();
const std::vector<std::string>& selection_names();
const std::vector<std::string>& fallback_names();
const std::vector<std::string>& scale_names();

bool is_valid_time_zone(const std::string& id);

// " in <what> '<id>'" for reference errors.
inline std::string in(const std::string& what, const std::string& id) {
  return " in " + what + " '" + id + "'";
}

void parse_organisation(Ctx& ctx, const YAML::Node& n);
void parse_holidays(Ctx& ctx, const YAML::Node& n);
void parse_hours(Ctx& ctx, const YAML::Node& n);
void parse_fields(Ctx& ctx, const YAML::Node& n);
void parse_skills(Ctx& ctx, const YAML::Node& n);
void parse_agent_groups(Ctx& ctx, const YAML::Node& n);
void parse_queues(Ctx& ctx, const YAML::Node& n);
void parse_partners(Ctx& ctx, const YAML::Node& n);
void parse_segments(Ctx& ctx, const YAML::Node& n);
void parse_types(Ctx& ctx, const YAML::Node& n);
void parse_ivr(Ctx& ctx, const YAML::Node& n);
void parse_entry_points(Ctx& ctx, const YAML::Node& n);
void parse_routing(Ctx& ctx, const YAML::Node& n);
void parse_service_levels(Ctx& ctx, const YAML::Node& n);
void parse_surveys(Ctx& ctx, const YAML::Node& n);
void parse_cases(Ctx& ctx, const YAML::Node& n);
void parse_governance(Ctx& ctx, const YAML::Node& n);
void parse_voice(Ctx& ctx, const YAML::Node& n);

// Shared pieces.
std::vector<SkillLevel> parse_skill_levels(Ctx& ctx, const YAML::Node& n,
                                           const std::string& ctx_text);
std::vector<FieldRequirement> parse_information(Ctx& ctx, const YAML::Node& n,
                                                const std::string& ctx_text);
// A schedule reference; returns its index or -1.
int resolve_hours(Ctx& ctx, const YAML::Node& n, std::string& id, const std::string& ctx_text);
// "80% in 20s" / "90% in 8h business" at `target` into `out`; a business
// clock uses `hours` if given, else organisation.business_hours.
bool parse_objective(Ctx& ctx, const YAML::Node& target, const YAML::Node& hours,
                     ServiceLevel& out);
// "YYYY-MM-DD" in `cal` -> Gregorian; reports invalid dates.
std::optional<CivilDate> parse_date(Ctx& ctx, const YAML::Node& n, CalendarKind cal,
                                    std::string_view what);

}  // namespace tamas::strategy::detail
