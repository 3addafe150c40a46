// Synthetic traffic from a forecast: interval volumes and handle times per
// (queue | type, channel), turned into the simulator's traffic streams.
//
// CSV with a header naming the columns (any order):
//   day,start,type,channel,volume,aht,patience,queue
//   0,08:00,billing,voice,120,180,300,
// start (HH:MM), volume (contacts in the interval) and aht (seconds) are
// required; day (0-based simulated day, default 0), channel (engine name,
// default voice), patience (mean seconds, default none), queue (forces the
// queue; empty = the strategy's rules route by type and channel) and type
// are optional, but each row needs a type or a queue. Rows of the same
// (queue, type, channel) form one stream: Poisson arrivals at the
// interval's rate; its AHT and patience are the volume-weighted means over
// the rows (handle times are drawn per contact around that mean).
// Errors read "<file_name>:<line>: <message>". Pure.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "services/sim/simulator.h"

namespace tamas::services::sim {

Result<std::vector<Traffic>> parse_traffic_csv(std::string_view text, std::string_view file_name,
                                               Duration interval);

}  // namespace tamas::services::sim
