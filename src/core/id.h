// Id<Tag>: a strongly typed 64-bit identifier. Id<struct AgentTag> and
// Id<struct QueueTag> do not mix, so an agent id cannot be passed where a
// queue id is expected. Value 0 is "no id" by convention (default).
//
//   using AgentId = Id<struct AgentTag>;
//   AgentId a{42};  std::unordered_set<AgentId> seen;
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace tamas {

template <typename Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t value) : value_(value) {}

  constexpr std::int64_t value() const { return value_; }
  constexpr bool valid() const { return value_ != 0; }

  friend constexpr bool operator==(Id, Id) = default;
  friend constexpr auto operator<=>(Id, Id) = default;

 private:
  std::int64_t value_ = 0;
};

}  // namespace tamas

template <typename Tag>
struct std::hash<tamas::Id<Tag>> {
  std::size_t operator()(tamas::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};
