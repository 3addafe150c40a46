// libFuzzer target: the strategy loader must never crash, hang or leak on
// arbitrary bytes, and must return either a strategy or diagnostics.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "strategy/json.h"
#include "strategy/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = tamas::strategy::load_strategy_text(text, "fuzz.yaml");
  if (r.ok() == r.errors.empty()) {
    if (r.ok()) (void)tamas::strategy::to_json(*r.strategy);
  } else {
    std::abort();  // contract: a strategy xor diagnostics
  }
  return 0;
}
