// Pure look-ups over a compiled Strategy, for the engine and the API.
//
// Contract: no allocation on the hot path beyond the caller's maps; the
// Strategy must outlive the returned pointers/references. Thread-safe
// (read-only).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "strategy/model.h"

namespace tamas::strategy {

// Customer attributes or captured fields, by name. Numbers are decimal text.
using Attributes = std::map<std::string, std::string, std::less<>>;

// The first segment (file order) whose conditions all hold. Never null: the
// last segment of a loaded Strategy matches every customer.
const Segment& segment_of(const Strategy& s, const Attributes& customer);

// The first routing rule (file order) matching the contact; nullptr if none.
// `fields` are the values captured so far (IVR, web form).
const RoutingRule* match_route(const Strategy& s, std::string_view type, std::string_view channel,
                               std::string_view segment, const Attributes& fields);

// The service level for a contact: the most specific entry (fewest "*"),
// the earliest in the file on a tie; nullptr if none applies.
const ServiceLevel* service_level_for(const Strategy& s, std::string_view type,
                                      std::string_view channel, std::string_view segment);

}  // namespace tamas::strategy
