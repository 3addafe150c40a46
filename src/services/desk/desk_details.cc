// An agent's view of one of its contacts: the interaction, the customer's
// chat details and the transcript, read through the store writer (so it
// sees everything acknowledged).
#include "services/desk/agent_desk.h"
#include "services/desk/desk_json.h"

namespace tamas::services {

namespace json = boost::json;

void AgentDesk::details(const std::string& agent, const std::string& contact,
                        std::function<void(Result<std::string>)> done) {
  auto view = contact_of(agent, contact);
  if (!view) return done(view.error());
  auto id = store::parse_interaction_id(contact);
  if (!id) return done(Error::not_found("no interaction '" + contact + "'"));
  auto out = std::make_shared<json::object>();
  (*out)["contact"] = contact;
  (*out)["state"] = view->state;
  (*out)["queue"] = view->queue;
  (*out)["since"] = desk_json::iso(view->since);
  auto op = [tenant = tenant_, id = *id, out](store::Store& db) -> Status {
    auto row = db.interactions().get(tenant, id);
    if (!row) return row.error();
    json::error_code ec;
    auto fields = json::parse(row->fields_json, ec);
    (*out)["interaction"] = json::object{{"channel", row->channel},
                                         {"type", row->type},
                                         {"entry_point", row->entry_point},
                                         {"priority", row->priority},
                                         {"arrived_at", desk_json::iso(row->arrived_at)},
                                         {"fields", ec ? json::value(json::object{}) : fields}};
    auto messages = db.messages().transcript(tenant, id);
    if (!messages) return messages.error();
    json::array list;
    for (const auto& m : *messages)
      list.push_back(json::object{{"seq", m.seq},
                                  {"from", store::to_string(m.sender_kind)},
                                  {"sender", m.sender_id},
                                  {"text", m.text},
                                  {"at", desk_json::iso(m.sent_at)}});
    (*out)["messages"] = std::move(list);
    return {};
  };
  writer_.submit(op, [out, done](const Status& st) {
    if (!st.ok()) return done(st.error());
    done(json::serialize(*out));
  });
}

}  // namespace tamas::services
