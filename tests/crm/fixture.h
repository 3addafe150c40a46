// A tenant of the automotive example in an in-memory store, with helpers to
// build customers, interactions and instants in Tehran time.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/calendar.h"
#include "services/crm/context.h"
#include "store/memory_store.h"
#include "strategy/loader.h"

namespace tamas::testing {

inline strategy::Strategy automotive_strategy() {
  auto loaded = strategy::load_strategy(TAMAS_SOURCE_DIR "/examples/automotive/strategy.yaml");
  EXPECT_TRUE(loaded.ok());
  return std::move(*loaded.strategy);
}

// UTC instant of a Tehran wall-clock time (UTC+03:30, no DST since 2022).
inline Instant tehran(int y, unsigned m, unsigned d, int hh, int mm = 0) {
  namespace c = std::chrono;
  c::sys_days date = c::year_month_day{c::year{y}, c::month{m}, c::day{d}};
  return Instant{c::duration_cast<Duration>(date.time_since_epoch())} + c::hours(hh) +
         c::minutes(mm) - c::minutes(210);
}

class CrmFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::open_memory_store();
    ASSERT_TRUE(s.ok());
    db = std::move(*s);
    tenant = *db->tenants().add(store::Tenant{0, "automotive", "Kavir Motors", from_millis(0)});
    agent = add_user("agent1", store::Role::agent);
  }

  store::RowId add_user(const std::string& name, store::Role role) {
    store::User u{0, tenant, name, name, role, "$argon2id$x", false, from_millis(0)};
    auto id = db->users().add(u);
    EXPECT_TRUE(id.ok());
    return *id;
  }

  store::RowId add_customer(const std::string& first, const std::string& phone,
                            const std::string& email = "") {
    store::Customer c;
    c.tenant = tenant;
    c.first_name = first;
    if (!phone.empty()) c.phones.push_back(phone);
    if (!email.empty()) c.emails.push_back(email);
    c.segment = "provinces";
    c.created_at = from_millis(1);
    auto id = db->customers().add(c);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return *id;
  }

  store::RowId add_interaction(std::optional<store::RowId> customer, const std::string& channel,
                               Instant at) {
    store::Interaction i;
    i.tenant = tenant;
    i.channel = channel;
    i.type = "sales_inquiry";
    i.entry_point = "hotline";
    i.customer = customer;
    i.queue = "sales";
    i.state = store::InteractionState::closed;
    i.arrived_at = at;
    auto id = db->interactions().add(i);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return *id;
  }

  services::crm::CrmContext ctx() { return {*db, strategy, tenant}; }

  strategy::Strategy strategy = automotive_strategy();
  std::unique_ptr<store::Store> db;
  store::TenantId tenant = 0;
  store::RowId agent = 0;
};

}  // namespace tamas::testing
