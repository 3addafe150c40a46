// The benchmark data set, generated once per process into a temp SQLite
// file (removed at exit): 1,000,000 customers with one phone each,
// 5,000,000 interactions (4 per customer, plus 1,000 extra for each of the
// first 1,000 customers: heavy users whose timelines are long) and 10,000
// knowledge articles in Persian. Generation is not timed by the benchmarks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace tamas::bench {

inline constexpr std::int64_t kCustomers = 1'000'000;
inline constexpr std::int64_t kInteractions = 5'000'000;
inline constexpr std::int64_t kHeavyCustomers = 1'000;
inline constexpr int kArticles = 10'000;

struct Dataset {
  std::string path;
  store::TenantId tenant = 1;
  std::unique_ptr<store::Store> store;  // the connection the benchmarks read through
  std::vector<std::string> vocabulary;  // words the articles are made of
  double seconds_to_generate = 0;
};

// Builds the data set on first call; later calls return the same one.
Dataset& dataset();

}  // namespace tamas::bench
