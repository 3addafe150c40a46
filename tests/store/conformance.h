// The store conformance suite: every Store implementation must behave the
// same. Each *_conformance_test.cc runs its typed tests against all kinds
// listed in StoreKinds.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "store/fault_injection.h"
#include "store/memory_store.h"
#include "store/sqlite_store.h"
#include "temp_dir.h"

namespace tamas::store::testing {

struct SqliteOnDisk {
  TempDir dir;
  std::unique_ptr<Store> open() {
    auto s = open_sqlite_store(dir.file("tamas.db"));
    EXPECT_TRUE(s.ok()) << s.error().message;
    return std::move(*s);
  }
};

struct InMemory {
  std::unique_ptr<Store> open() {
    auto s = open_memory_store();
    EXPECT_TRUE(s.ok()) << s.error().message;
    return std::move(*s);
  }
};

// The decorator with no fault armed must be invisible.
struct FaultInjectingPassThrough {
  std::unique_ptr<Store> open() {
    auto s = open_memory_store();
    EXPECT_TRUE(s.ok()) << s.error().message;
    return std::make_unique<FaultInjectingStore>(std::move(*s));
  }
};

using StoreKinds = ::testing::Types<SqliteOnDisk, InMemory, FaultInjectingPassThrough>;

template <typename Kind>
class StoreConformance : public ::testing::Test {
 protected:
  void SetUp() override { store = kind.open(); }

  TenantId add_tenant(const std::string& slug) {
    auto id = store->tenants().add(Tenant{0, slug, "Org " + slug, from_millis(1000)});
    EXPECT_TRUE(id.ok()) << id.error().message;
    return *id;
  }

  Kind kind;
  std::unique_ptr<Store> store;
};

}  // namespace tamas::store::testing
