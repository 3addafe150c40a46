// Traffic replayed from recorded interactions (the store's records): each
// contact arrives when it did, with the type and channel it had, and keeps
// its real handle time (answered to ended). A contact that was never
// answered but ended (the customer left) gets that wait as its patience,
// so it abandons after the same wait unless the simulated centre answers
// it sooner. One stream per (type, channel); routing then comes from the
// strategy's rules, like live traffic. Interactions arriving before `start`
// are skipped; offsets are from `start`. Pure (uses the record struct only).
#pragma once

#include <vector>

#include "core/result.h"
#include "services/sim/simulator.h"
#include "store/records.h"

namespace tamas::services::sim {

Result<std::vector<Traffic>> recorded_traffic(const std::vector<store::Interaction>& interactions,
                                              Instant start);

}  // namespace tamas::services::sim
