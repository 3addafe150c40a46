// What the case system is configured with: kinds, the category taxonomy,
// back-office departments and SLA targets (R22, R24, R30).
//
// Source: the strategy file's `cases:` section (docs/strategy.md), read by
// case_config_from(strategy). A strategy without that section gets
// default_case_config() — the automotive defaults below — plus every kind its
// interaction types use; that fallback exists only so older strategy files
// keep working. Immutable after construction; share read-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "strategy/model.h"

namespace tamas::services::cases {

// Targets for one kind (and optionally one segment; "*" = any), counted in
// business time of the organisation's business hours. Zero = no target.
struct SlaTarget {
  std::string kind;
  std::string segment = "*";
  Duration first_response{};
  Duration resolution{};
};

// A node of the category tree; `id` is the path ("complaint/delivery_delay"),
// `parent` the parent's id ("" for a root).
struct Category {
  std::string id;
  std::string parent;
  strategy::Text name;
  std::string kind;  // the case kind the subtree belongs to; "" = any
};

struct Department {
  std::string id;  // "after_sales"
  strategy::Text name;
  Duration answer_within{};  // default due time of a forward, business time
};

struct CaseConfig {
  std::vector<std::string> kinds;
  std::vector<Category> categories;
  std::vector<Department> departments;
  std::vector<SlaTarget> targets;
  double warn_fraction = 0.8;  // warn when this share of a target has elapsed

  bool has_kind(const std::string& kind) const;
  const Category* category(const std::string& id) const;
  const Department* department(const std::string& id) const;
  // The most specific target for (kind, segment): exact segment before "*".
  const SlaTarget* target_for(const std::string& kind, const std::string& segment) const;
};

// The automotive defaults: kinds request/complaint/suggestion/inquiry, the
// complaint tree (product quality, delivery delay, dealer behaviour,
// warranty, parts, roadside service, price and sales terms, documents),
// departments (sales, after_sales, quality, legal, dealer) and targets.
CaseConfig default_case_config();

// The strategy's `cases:` section when it has one (its kinds already include
// every kind its interaction types use); otherwise default_case_config() plus
// every case kind the strategy's types use.
CaseConfig case_config_from(const strategy::Strategy& s);

}  // namespace tamas::services::cases
