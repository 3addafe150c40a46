// What every CRM operation works on: one tenant's store and its strategy.
//
// Threads: the Store is used by one thread at a time (store/store.h), so a
// CrmContext is too. The Strategy is shared read-only.
#pragma once

#include "store/store.h"
#include "strategy/model.h"

namespace tamas::services::crm {

struct CrmContext {
  store::Store& store;
  const strategy::Strategy& strategy;
  store::TenantId tenant = 0;
};

}  // namespace tamas::services::crm
