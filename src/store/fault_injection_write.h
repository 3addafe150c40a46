// For the fault-injecting repository decorators only (fault_injection*.cc):
// the body of a write method — fail when the FaultSwitch `f_` says so,
// else forward the call to the decorated repository `in_`.
#pragma once

#define TAMAS_W(call)                                 \
  do {                                                \
    if (auto e = f_.on_write()) return std::move(*e); \
    return in_.call;                                  \
  } while (0)
