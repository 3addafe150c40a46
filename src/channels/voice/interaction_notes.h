// Notes on an interaction's captured fields (fields_json): a recording's
// path, a voicemail, a callback number, survey answers.
#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "store/writer.h"

namespace tamas::voice {

// Merges `fields` into the interaction's fields_json (keys replace keys) on
// the writer thread. An unknown interaction id is ignored; a store failure
// is logged as `failure_event`. Any thread.
void note_on_interaction(store::StoreWriter& writer, store::TenantId tenant,
                         const std::string& interaction, boost::json::object fields,
                         const char* failure_event);

}  // namespace tamas::voice
