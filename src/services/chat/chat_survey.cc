// The survey at the end of a chat (R16, R17): answers checked against the
// strategy's survey for chat and the interaction's type (else CSAT 1-5 and
// NPS 0-10), stored on the interaction like the voice survey's, then told
// to the agent who handled it (their CSAT so far).
#include <boost/json.hpp>

#include "services/chat/chat_session.h"

namespace tamas::services {
namespace {

namespace json = boost::json;
using strategy::SurveyScale;

constexpr std::size_t kMaxComment = 1000;

bool applies(const std::vector<std::string>& list, const std::string& v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

struct Question {
  std::string id;
  SurveyScale scale;
};

struct Questions {
  std::string survey = "chat";
  std::vector<Question> list{
      {"csat", SurveyScale::csat}, {"nps", SurveyScale::nps}, {"comment", SurveyScale::free_text}};
};

// The first survey of the strategy for chat and `type` (as the public form
// shows it to the widget); the default CSAT + NPS + comment otherwise. A
// free-text "comment" is always accepted.
Questions questions_for(const strategy::Strategy& st, const std::string& type) {
  Questions q;
  for (const auto& sv : st.surveys) {
    if (!applies(sv.channels, "chat") || !applies(sv.types, type)) continue;
    q.survey = sv.id;
    q.list.clear();
    bool comment = false;
    for (const auto& sq : sv.questions) {
      q.list.push_back({sq.id, sq.scale});
      comment = comment || sq.id == "comment";
    }
    if (!comment) q.list.push_back({"comment", SurveyScale::free_text});
    break;
  }
  return q;
}

std::pair<int, int> range_of(SurveyScale s) {
  switch (s) {
    case SurveyScale::nps:
      return {0, 10};
    case SurveyScale::ces:
      return {1, 7};
    default:
      return {1, 5};
  }
}

}  // namespace

SurveyCheck check_survey(const strategy::Strategy& st, const std::string& type,
                         const json::object& answers) {
  const Questions qs = questions_for(st, type);
  SurveyCheck out;
  out.stored["id"] = qs.survey;
  for (const auto& [key, value] : answers) {
    const std::string k(key);
    auto q = std::find_if(qs.list.begin(), qs.list.end(), [&](const auto& x) { return x.id == k; });
    if (q == qs.list.end()) {
      out.problems["answers." + k] = "is not a question of this survey";
      continue;
    }
    if (q->scale == SurveyScale::free_text) {
      if (!value.is_string())
        out.problems["answers." + k] = "must be a string";
      else if (value.as_string().size() > kMaxComment)
        out.problems["answers." + k] = "must be at most 1000 bytes";
      else if (!value.as_string().empty())
        out.stored[k] = value;
      continue;
    }
    const auto [lo, hi] = range_of(q->scale);
    if (!value.is_int64() || value.as_int64() < lo || value.as_int64() > hi) {
      out.problems["answers." + k] =
          "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
      continue;
    }
    out.stored[k] = value;
    if (q->scale == SurveyScale::csat && !out.csat) out.csat = static_cast<int>(value.as_int64());
    if (q->scale == SurveyScale::nps && !out.nps) out.nps = static_cast<int>(value.as_int64());
  }
  if (out.problems.empty() && out.stored.size() == 1)
    out.problems["answers"] = "needs at least one answer";
  return out;
}

void ChatService::answer_survey(const std::string& token, store::RowId interaction,
                                const json::object& answers,
                                std::function<void(SurveyResult)> done) {
  struct Found {
    SurveyResult result;
    std::string agent;  // username of the agent who took the chat
  };
  auto found = std::make_shared<Found>();
  auto op = [this, token = token.empty() ? "" : mint_.digest(token), interaction, answers,
             found](store::Store& db) -> Status {
    store::RowId id = interaction;
    if (!token.empty()) {
      auto chat = db.chats().find_by_token_hash(tenant_, token);
      if (!chat) return chat.error();
      id = chat->interaction;
    }
    auto row = db.interactions().get(tenant_, id);
    if (!row) return row.error();
    if (!row->answered_at) return Error::conflict("the survey comes after a conversation");
    json::error_code ec;
    json::value fields = json::parse(row->fields_json, ec);
    if (ec || !fields.is_object()) fields = json::object();
    if (fields.as_object().contains("survey"))
      return Error::conflict("this chat's survey is already answered");
    SurveyCheck check = check_survey(strategy_, row->type, answers);
    found->result.problems = check.problems;
    if (!check.problems.empty()) return Error::invalid("some answers need attention");
    found->result.contact = store::format_interaction_id(id);
    found->result.csat = check.csat;
    found->result.nps = check.nps;
    fields.as_object()["survey"] = std::move(check.stored);
    row->fields_json = json::serialize(fields);
    if (row->agent)  // who took the chat, as the store remembers it
      if (auto a = db.agents().get(tenant_, *row->agent))
        if (auto u = db.users().get(tenant_, a->user)) found->agent = u->username;
    return db.interactions().update(*row);
  };
  writer_.submit(op, [this, found, done](const Status& st) {
    SurveyResult r = std::move(found->result);
    if (!st.ok()) {
      r.error = st.error();
      return done(std::move(r));
    }
    if (std::string live = handlers_->agent(r.contact); !live.empty()) found->agent = live;
    if (!found->agent.empty()) {
      json::object o{{"contact", r.contact}};
      if (r.csat) o["csat"] = *r.csat;
      if (r.nps) o["nps"] = *r.nps;
      bus_.publish(BusEvent{0, tenant_, "agent/" + found->agent, "survey_answered", clock_.now(),
                            json::serialize(o)});
    }
    done(std::move(r));
  });
}

// {"type":"survey","answers":{...}} -> {"type":"survey_saved"} or an error
// frame (invalid_fields with "fields", not_in_chat, conflict).
void ChatSession::survey(const json::object& f) {
  store::RowId id;
  {
    std::lock_guard lock(mu_);
    id = interaction_;
  }
  if (id == 0) return error("not_in_chat", "start or resume a chat first");
  const auto* answers = f.if_contains("answers");
  if (!answers || !answers->is_object())
    return send_(json::serialize(json::object{{"type", "error"},
                                              {"code", "invalid_fields"},
                                              {"message", "some answers need attention"},
                                              {"fields", {{"answers", "must be an object"}}}}));
  auto self = shared_from_this();
  service_.answer_survey("", id, answers->as_object(), [self](SurveyResult r) {
    if (!r.error) return self->send_(R"({"type":"survey_saved"})");
    if (r.error->code == ErrorCode::invalid_argument) {
      json::object fields;
      for (const auto& [k, v] : r.problems) fields[k] = v;
      return self->send_(json::serialize(json::object{{"type", "error"},
                                                      {"code", "invalid_fields"},
                                                      {"message", r.error->message},
                                                      {"fields", fields}}));
    }
    self->error(r.error->code == ErrorCode::conflict ? "conflict" : "unavailable",
                r.error->message);
  });
}

}  // namespace tamas::services
