#include "core/id.h"

#include <gtest/gtest.h>

#include <type_traits>
#include <unordered_set>

namespace tamas {
namespace {

using AgentId = Id<struct AgentTag>;
using QueueId = Id<struct QueueTag>;

TEST(Id, ComparesAndHashesByValue) {
  EXPECT_EQ(AgentId{7}, AgentId{7});
  EXPECT_NE(AgentId{7}, AgentId{8});
  EXPECT_LT(AgentId{7}, AgentId{8});
  std::unordered_set<AgentId> seen{AgentId{1}, AgentId{2}, AgentId{1}};
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_FALSE(AgentId{}.valid());
  EXPECT_TRUE(AgentId{3}.valid());
}

TEST(Id, DifferentTagsDoNotMix) {
  static_assert(!std::is_convertible_v<AgentId, QueueId>);
  static_assert(!std::is_convertible_v<std::int64_t, AgentId>);
  static_assert(sizeof(AgentId) == sizeof(std::int64_t));
  EXPECT_EQ(QueueId{5}.value(), 5);
}

}  // namespace
}  // namespace tamas
