#include "services/cases/config.h"

#include <algorithm>

namespace tamas::services::cases {
namespace {

using std::chrono::hours;

std::vector<Category> complaint_tree() {
  std::vector<Category> c = {{"complaint", "", {"شکایت", "Complaint"}, "complaint"},
                             {"request", "", {"درخواست", "Request"}, "request"},
                             {"suggestion", "", {"پیشنهاد", "Suggestion"}, "suggestion"},
                             {"inquiry", "", {"استعلام", "Inquiry"}, "inquiry"}};
  const std::pair<const char*, strategy::Text> leaves[] = {
      {"product_quality", {"کیفیت محصول", "Product quality"}},
      {"delivery_delay", {"تأخیر در تحویل", "Delivery delay"}},
      {"dealer_behaviour", {"رفتار نمایندگی", "Dealer behaviour"}},
      {"warranty", {"گارانتی", "Warranty"}},
      {"parts", {"قطعات", "Parts"}},
      {"roadside_service", {"امداد خودرو", "Roadside service"}},
      {"price_and_terms", {"قیمت و شرایط فروش", "Price and sales terms"}},
      {"documents", {"مدارک و اسناد", "Documents"}},
  };
  for (const auto& [id, name] : leaves)
    c.push_back({std::string("complaint/") + id, "complaint", name, "complaint"});
  return c;
}

}  // namespace

bool CaseConfig::has_kind(const std::string& kind) const {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const Category* CaseConfig::category(const std::string& id) const {
  for (const auto& c : categories)
    if (c.id == id) return &c;
  return nullptr;
}

const Department* CaseConfig::department(const std::string& id) const {
  for (const auto& d : departments)
    if (d.id == id) return &d;
  return nullptr;
}

const SlaTarget* CaseConfig::target_for(const std::string& kind, const std::string& segment) const {
  const SlaTarget* any = nullptr;
  for (const auto& t : targets) {
    if (t.kind != kind) continue;
    if (t.segment == segment) return &t;
    if (t.segment == "*" && !any) any = &t;
  }
  return any;
}

CaseConfig default_case_config() {
  CaseConfig c;
  c.kinds = {"request", "complaint", "suggestion", "inquiry"};
  c.categories = complaint_tree();
  c.departments = {{"sales", {"فروش", "Sales"}, hours(16)},
                   {"after_sales", {"خدمات پس از فروش", "After-sales"}, hours(16)},
                   {"quality", {"کیفیت", "Quality"}, hours(24)},
                   {"legal", {"حقوقی", "Legal"}, hours(40)},
                   {"dealer", {"نمایندگی", "Dealer"}, hours(8)}};
  c.targets = {{"complaint", "*", hours(4), hours(40)},
               {"complaint", "vip", hours(1), hours(16)},
               {"request", "*", hours(8), hours(24)},
               {"inquiry", "*", hours(4), hours(8)},
               {"suggestion", "*", hours(16), hours(80)}};
  return c;
}

namespace {

CaseConfig from_section(const strategy::CaseSection& x) {
  CaseConfig c;
  c.kinds = x.kinds;
  for (const auto& k : x.categories) c.categories.push_back({k.id, k.parent, k.name, k.kind});
  for (const auto& d : x.departments) c.departments.push_back({d.id, d.name, d.answer_within});
  for (const auto& t : x.sla)
    c.targets.push_back({t.kind, t.segment, t.first_response, t.resolution});
  c.warn_fraction = x.warn_at;
  return c;
}

}  // namespace

CaseConfig case_config_from(const strategy::Strategy& s) {
  if (s.cases) return from_section(*s.cases);
  CaseConfig c = default_case_config();
  for (const auto& t : s.types) {
    std::string kind = strategy::to_string(t.kind);
    if (!c.has_kind(kind)) c.kinds.push_back(kind);
  }
  return c;
}

}  // namespace tamas::services::cases
