// Conformance: customers, interactions, chat transcripts, the event log.
#include "conformance.h"

namespace tamas::store::testing {
namespace {

template <typename Kind>
class ContactsConformance : public StoreConformance<Kind> {};
TYPED_TEST_SUITE(ContactsConformance, StoreKinds);

Customer make_customer(TenantId t, const std::string& phone) {
  Customer c;
  c.tenant = t;
  c.first_name = "Sara";
  c.last_name = "Ahmadi";
  c.phones = {phone};
  c.emails = {"sara@example.com"};
  c.province = "Tehran";
  c.city = "Tehran";
  c.segment = "vip";
  c.attributes_json = R"({"fleet_size":12})";
  c.created_at = from_millis(100);
  return c;
}

Interaction make_interaction(TenantId t, std::int64_t arrived_ms) {
  Interaction i;
  i.tenant = t;
  i.channel = "webform";
  i.type = "complaint";
  i.entry_point = "complaint-form";
  i.queue = "complaints";
  i.state = InteractionState::queued;
  i.priority = 5;
  i.arrived_at = from_millis(arrived_ms);
  i.fields_json = R"({"vin":"NAAM01CA0JR123456"})";
  return i;
}

TYPED_TEST(ContactsConformance, CustomerIsFoundByAnyOfItsPhonesAndEmails) {
  TenantId t = this->add_tenant("a");
  auto& customers = this->store->customers();
  Customer c = make_customer(t, "+989121234567");
  c.phones.push_back("02188776655");
  auto id = customers.add(c);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto by_phone = customers.find_by_phone(t, "02188776655");
  ASSERT_EQ(by_phone->size(), 1u);
  const Customer& back = (*by_phone)[0];
  EXPECT_EQ(back.id, *id);
  EXPECT_EQ(back.phones, c.phones);
  EXPECT_EQ(back.emails, c.emails);
  EXPECT_EQ(back.attributes_json, c.attributes_json);
  EXPECT_EQ(customers.find_by_email(t, "sara@example.com")->size(), 1u);
  EXPECT_TRUE(customers.find_by_phone(t, "000")->empty());
}

TYPED_TEST(ContactsConformance, CustomerUpdateReplacesContacts) {
  TenantId t = this->add_tenant("a");
  auto& customers = this->store->customers();
  RowId id = *customers.add(make_customer(t, "111"));
  Customer c = *customers.get(t, id);
  c.phones = {"222"};
  c.city = "Isfahan";
  ASSERT_TRUE(customers.update(c).ok());
  EXPECT_TRUE(customers.find_by_phone(t, "111")->empty());
  EXPECT_EQ(customers.get(t, id)->city, "Isfahan");
  EXPECT_EQ(customers.find_by_phone(t, "222")->size(), 1u);
}

TYPED_TEST(ContactsConformance, MergedCustomerDisappearsFromLookups) {
  TenantId t = this->add_tenant("a");
  auto& customers = this->store->customers();
  RowId dup = *customers.add(make_customer(t, "111"));
  RowId keep = *customers.add(make_customer(t, "111"));
  EXPECT_EQ(customers.find_by_phone(t, "111")->size(), 2u);
  ASSERT_TRUE(customers.merge(t, dup, keep).ok());
  auto found = customers.find_by_phone(t, "111");
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].id, keep);
  EXPECT_EQ(customers.get(t, dup)->merged_into, keep);
  EXPECT_EQ(customers.merge(t, dup, 9999).error().code, ErrorCode::not_found);
  EXPECT_EQ(customers.merge(t, keep, keep).error().code, ErrorCode::invalid_argument);
}

TYPED_TEST(ContactsConformance, InteractionRoundTripsEveryField) {
  TenantId t = this->add_tenant("a");
  RowId cust = *this->store->customers().add(make_customer(t, "1"));
  Interaction i = make_interaction(t, 1000);
  i.customer = cust;
  auto id = this->store->interactions().add(i);
  ASSERT_TRUE(id.ok()) << id.error().message;
  Interaction back = *this->store->interactions().get(t, *id);
  EXPECT_EQ(back.customer, cust);
  EXPECT_EQ(back.state, InteractionState::queued);
  EXPECT_EQ(back.arrived_at, from_millis(1000));
  EXPECT_FALSE(back.answered_at.has_value());
  EXPECT_FALSE(back.agent.has_value());
  EXPECT_EQ(back.fields_json, i.fields_json);
  EXPECT_EQ(back.entry_point, "complaint-form");

  back.state = InteractionState::closed;
  back.answered_at = from_millis(2000);
  back.ended_at = from_millis(3000);
  back.disposition = "resolved";
  back.notes = "replaced the part";
  ASSERT_TRUE(this->store->interactions().update(back).ok());
  Interaction closed = *this->store->interactions().get(t, *id);
  EXPECT_EQ(closed.state, InteractionState::closed);
  EXPECT_EQ(closed.answered_at, from_millis(2000));
  EXPECT_EQ(closed.disposition, "resolved");
  EXPECT_EQ(this->store->interactions().list_by_customer(t, cust)->size(), 1u);
}

TYPED_TEST(ContactsConformance, OpenInteractionsComeBackInArrivalOrderWithoutFinalOnes) {
  TenantId t = this->add_tenant("a");
  auto& repo = this->store->interactions();
  RowId late = *repo.add(make_interaction(t, 3000));
  RowId early = *repo.add(make_interaction(t, 1000));
  Interaction done = make_interaction(t, 500);
  done.state = InteractionState::closed;
  ASSERT_TRUE(repo.add(done).ok());
  Interaction gone = make_interaction(t, 600);
  gone.state = InteractionState::abandoned;
  ASSERT_TRUE(repo.add(gone).ok());
  Interaction talking = make_interaction(t, 2000);
  talking.state = InteractionState::active;
  RowId active = *repo.add(talking);

  auto open = repo.list_open(t);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 3u);
  EXPECT_EQ((*open)[0].id, early);
  EXPECT_EQ((*open)[1].id, active);
  EXPECT_EQ((*open)[2].id, late);
}

TYPED_TEST(ContactsConformance, InteractionWithUnknownCustomerOrBadFieldsIsRejected) {
  TenantId t = this->add_tenant("a");
  Interaction i = make_interaction(t, 1);
  i.customer = 777;
  EXPECT_EQ(this->store->interactions().add(i).error().code, ErrorCode::invalid_argument);
  i.customer.reset();
  i.fields_json = "{oops";
  EXPECT_EQ(this->store->interactions().add(i).error().code, ErrorCode::invalid_argument);
}

TYPED_TEST(ContactsConformance, ChatTranscriptIsNumberedInOrder) {
  TenantId t = this->add_tenant("a");
  RowId chat = *this->store->interactions().add(make_interaction(t, 1));
  auto& msgs = this->store->messages();
  InteractionMessage m{t, chat, 0, SenderKind::customer, "", "سلام", from_millis(10)};
  EXPECT_EQ(*msgs.append(m), 1);
  m.sender_kind = SenderKind::agent;
  m.sender_id = "maryam";
  m.text = "Hello, how can I help?";
  EXPECT_EQ(*msgs.append(m), 2);
  auto transcript = msgs.transcript(t, chat);
  ASSERT_EQ(transcript->size(), 2u);
  EXPECT_EQ((*transcript)[0].text, "سلام");
  EXPECT_EQ((*transcript)[1].sender_kind, SenderKind::agent);
  EXPECT_EQ((*transcript)[1].seq, 2);
  m.interaction = 9999;
  EXPECT_EQ(msgs.append(m).error().code, ErrorCode::invalid_argument);
}

TYPED_TEST(ContactsConformance, EventLogIsReadBackAfterASeq) {
  TenantId t = this->add_tenant("a");
  auto& events = this->store->events();
  EXPECT_EQ(*events.last_seq(t), 0);
  for (int k = 0; k < 5; ++k) {
    auto seq = events.append(
        Event{t, 0, "interaction.queued", from_millis(k), "{\"n\":" + std::to_string(k) + "}"});
    ASSERT_TRUE(seq.ok()) << seq.error().message;
    EXPECT_EQ(*seq, k + 1);
  }
  auto missed = events.read_after(t, 2, 100);
  ASSERT_EQ(missed->size(), 3u);
  EXPECT_EQ((*missed)[0].seq, 3);
  EXPECT_EQ((*missed)[0].payload_json, "{\"n\":2}");
  EXPECT_EQ(events.read_after(t, 0, 2)->size(), 2u);
  EXPECT_EQ(*events.last_seq(t), 5);
}

TYPED_TEST(ContactsConformance, TransactionCommitsAllOrRollsBackAll) {
  TenantId t = this->add_tenant("a");
  auto& repo = this->store->interactions();
  ASSERT_TRUE(this->store->begin().ok());
  ASSERT_TRUE(repo.add(make_interaction(t, 1)).ok());
  this->store->rollback();
  EXPECT_TRUE(repo.list_open(t)->empty());
  ASSERT_TRUE(this->store->begin().ok());
  ASSERT_TRUE(repo.add(make_interaction(t, 1)).ok());
  Status failed = this->store->atomically([&]() -> Status {
    EXPECT_TRUE(repo.add(make_interaction(t, 2)).ok());
    return Error::invalid("caller gives up");
  });
  EXPECT_FALSE(failed.ok());
  ASSERT_TRUE(this->store->commit().ok());
  EXPECT_EQ(repo.list_open(t)->size(), 1u) << "atomically() undid only its own write";
}

}  // namespace
}  // namespace tamas::store::testing
