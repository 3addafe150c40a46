// JSON views of CRM, case and knowledge records for the API, and the
// mapping of service errors to HTTP answers. Sensitive values are masked
// unless the caller may view them (Permission::view_sensitive).
#pragma once

#include <boost/json.hpp>

#include <string>

#include "api/http.h"
#include "api/route_helpers.h"
#include "core/result.h"
#include "store/case_records.h"
#include "store/crm_records.h"
#include "store/kb_records.h"
#include "strategy/model.h"

namespace tamas::api {

// "*******6789": all but the last four characters hidden.
std::string mask(const std::string& value);

boost::json::object customer_json(const store::Customer& c, const strategy::Strategy& s,
                                  bool sensitive);
boost::json::object identity_json(const store::CustomerIdentity& i, bool sensitive);
boost::json::object asset_json(const store::CustomerAsset& a);
boost::json::object case_json(const store::Case& c);
boost::json::object case_event_json(const store::CaseEvent& e);
boost::json::object forward_json(const store::CaseForward& f);
boost::json::object timeline_entry_json(const store::TimelineEntry& e);
boost::json::object article_json(const store::Article& a);
boost::json::object question_json(const store::UnansweredQuestion& q);
boost::json::object voc_json(const store::VocAction& a);

// Response::json(status, serialize(v)).
Response json_response(int status, const boost::json::value& v);

}  // namespace tamas::api
