// IdIndex: every id filed is found again by its text, whatever its length
// (each length takes its own path through the hash), and erasing some
// leaves the others findable; ids of the forms contact centers use do not
// pile up on a few hash values.
#include "engine/detail/id_index.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace tamas::engine::detail {
namespace {

std::vector<std::string> ids_of_every_length(std::mt19937& rng, int count) {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  while (static_cast<int>(ids.size()) < count) {
    const std::size_t n = rng() % 41;  // 0..40: short, word, two words, long
    std::string id;
    for (std::size_t i = 0; i < n; ++i) id += static_cast<char>('0' + rng() % 75);
    if (seen.insert(id).second) ids.push_back(id);
  }
  return ids;
}

TEST(IdIndex, FindsEveryIdOfEveryLengthAndForgetsErasedOnes) {
  std::mt19937 rng(11);
  const std::vector<std::string> ids = ids_of_every_length(rng, 20000);
  auto name_of = [&](Ref r) -> std::string_view { return ids[r]; };
  IdIndex index;
  for (Ref r = 0; r < ids.size(); ++r) index.insert(ids[r], r, name_of);
  for (Ref r = 0; r < ids.size(); ++r) ASSERT_EQ(index.find(ids[r], name_of), r) << ids[r];
  for (Ref r = 0; r < ids.size(); r += 2) {
    if (r % 4 == 0) {
      index.erase(ids[r], name_of);
    } else {
      index.erase_ref(IdIndex::hash(ids[r]), r);
    }
  }
  EXPECT_EQ(index.size(), ids.size() / 2);
  for (Ref r = 0; r < ids.size(); ++r) {
    EXPECT_EQ(index.find(ids[r], name_of), r % 2 ? r : kNoRef) << ids[r];
  }
}

TEST(IdIndex, SequentialAndPhoneLikeIdsSpreadOverTheHashes) {
  std::set<std::uint32_t> low_bits;  // the bits a 64k-slot table uses
  std::set<std::uint32_t> hashes;
  const int n = 50000;
  for (int i = 0; i < n; ++i) {
    for (const std::string& id : {"c" + std::to_string(i), "+98912" + std::to_string(1000000 + i),
                                  "chat-" + std::to_string(i) + "-web"}) {
      hashes.insert(IdIndex::hash(id));
      low_bits.insert(IdIndex::hash(id) & 0xffff);
    }
  }
  EXPECT_GT(hashes.size(), static_cast<std::size_t>(3 * n - 10));  // next to no collisions
  // 150,000 ids in 65,536 buckets: random hashes would fill ~58,900.
  EXPECT_GT(low_bits.size(), 57000u);
}

TEST(IdIndex, TheEmptyIdAndIdsDifferingOnlyInLengthAreDistinct) {
  const std::vector<std::string> ids = {"",
                                        "a",
                                        "aa",
                                        "aaa",
                                        "aaaa",
                                        std::string(8, 'a'),
                                        std::string(9, 'a'),
                                        std::string(16, 'a'),
                                        std::string(17, 'a'),
                                        std::string("a\0", 2)};
  std::set<std::uint32_t> hashes;
  for (const std::string& id : ids) hashes.insert(IdIndex::hash(id));
  EXPECT_EQ(hashes.size(), ids.size());
}

}  // namespace
}  // namespace tamas::engine::detail
