// Conformance of the CRM and case repositories under injected store
// failures (LevelDB ErrorEnv-style): every operation answers a clear error
// and leaves no partial write — the case, its audit rows, forwards,
// notifications, the event log and merged customers read back exactly as
// before. Two kinds of failure: the FaultInjectingStore decorator failing
// the n-th write of an operation (every n in turn), and a real SQLite error
// raised by a trigger in the middle of a multi-statement repository write.
#include <sqlite3.h>

#include <functional>
#include <sstream>

#include "fixture.h"
#include "services/cases/service.h"
#include "services/crm/merge.h"
#include "store/fault_injection.h"
#include "store/sqlite_store.h"
#include "temp_dir.h"

namespace tamas::testing {
namespace {

using services::cases::CaseService;
using store::CaseState;

class StoreFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::open_sqlite_store(dir.file("t.db"));
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto faulty = std::make_unique<store::FaultInjectingStore>(std::move(*s));
    faults = &faulty->faults();
    db = std::move(faulty);
    tenant = *db->tenants().add(store::Tenant{0, "automotive", "Kavir", from_millis(0)});
    agent = *db->users().add(
        {0, tenant, "agent1", "Agent", store::Role::agent, "$argon2id$x", false, from_millis(0)});
    ali = add_customer("Ali", "+989123456789");
    provisional = add_customer("", "+989350000000");
    store::Interaction i;
    i.tenant = tenant;
    i.channel = "voice";
    i.customer = provisional;
    i.arrived_at = from_millis(500);
    ASSERT_TRUE(db->interactions().add(i).ok());
    service = std::make_unique<CaseService>(
        *db, tenant, services::cases::case_config_from(strategy), calendar, always);
  }

  store::RowId add_customer(const std::string& name, const std::string& phone) {
    store::Customer c;
    c.tenant = tenant;
    c.first_name = name;
    c.phones.push_back(phone);
    c.created_at = from_millis(1);
    return *db->customers().add(c);
  }
  store::Case open(store::RowId customer) {
    services::cases::NewCase n;
    n.customer = customer;
    n.kind = "complaint";
    n.category = "complaint/warranty";
    n.subject = "gearbox";
    auto c = service->open(n, agent, from_millis(1000));
    EXPECT_TRUE(c.ok()) << c.error().message;
    return *c;
  }

  // Everything an operation here may touch, as text.
  std::string snapshot() {
    std::ostringstream out;
    for (CaseState st : {CaseState::new_, CaseState::assigned, CaseState::in_progress,
                         CaseState::forwarded, CaseState::resolved, CaseState::closed}) {
      const std::vector<store::Case> cases = db->cases().by_state(tenant, st, 1000).value();
      for (const store::Case& c : cases) {
        out << "case " << c.id << ' ' << store::to_string(c.state) << " cust "
            << (c.customer ? *c.customer : 0) << " dept " << c.department << " cat " << c.category
            << " merged " << (c.merged_into ? *c.merged_into : 0) << " events "
            << db->cases().events(tenant, c.id).value().size() << " links "
            << db->cases().links(tenant, c.id).value().size() << " forwards [";
        const auto forwards = db->cases().forwards(tenant, c.id).value();
        for (const auto& f : forwards)
          out << f.id << (f.answered_at ? "a" : "") << (f.escalated_at ? "e" : "") << ' ';
        out << "]\n";
      }
    }
    for (store::RowId id : {ali, provisional}) {
      store::Customer c = db->customers().get(tenant, id).value();
      out << "customer " << id << " merged " << (c.merged_into ? *c.merged_into : 0) << " phones "
          << c.phones.size() << " merges " << db->profiles().merges_into(tenant, id).value().size()
          << " timeline " << db->profiles().timeline(tenant, id, std::nullopt, 100).value().size()
          << '\n';
    }
    out << "notifications " << db->cases().pending_notifications(tenant, 1000).value().size()
        << " log " << db->events().last_seq(tenant).value() << '\n';
    return out.str();
  }

  // Runs `op` with its 1st, 2nd, ... write failing until it has fewer
  // writes than that; every failure must leave the store as it was.
  // Returns how many writes the operation makes.
  int sweep(const std::string& what, const std::function<Status()>& op) {
    for (int n = 1; n < 50; ++n) {
      const std::string before = snapshot();
      const std::int64_t failed = faults->writes_failed();
      faults->fail_nth_write(n);
      Status s = op();
      faults->fail_nth_write(0);
      if (faults->writes_failed() == failed) {
        EXPECT_TRUE(s.ok()) << what << ": " << s.error().message;
        EXPECT_NE(snapshot(), before) << what << " changed nothing";
        return n - 1;
      }
      EXPECT_FALSE(s.ok()) << what << " succeeded although write " << n << " failed";
      if (s.ok()) return n;
      EXPECT_EQ(s.error().code, ErrorCode::unavailable) << what << ": " << s.error().message;
      EXPECT_NE(s.error().message.find("injected"), std::string::npos) << s.error().message;
      EXPECT_EQ(snapshot(), before)
          << what << " left a partial write when write " << n << " failed";
    }
    ADD_FAILURE() << what << " never succeeded";
    return 0;
  }

  // A real SQLite error: a trigger aborting every insert into `table`.
  void break_table(const std::string& table, bool on) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(dir.file("t.db").c_str(), &raw), SQLITE_OK);
    const std::string sql = on ? "CREATE TRIGGER injected_fault BEFORE INSERT ON " + table +
                                     " BEGIN SELECT RAISE(ABORT, 'injected disk I/O error'); END;"
                               : "DROP TRIGGER injected_fault;";
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_free(err);
    sqlite3_close(raw);
  }

  static Status status(const auto& r) { return r.ok() ? Status{} : Status(r.error()); }

  store::testing::TempDir dir;
  strategy::Strategy strategy = automotive_strategy();
  BusinessCalendar calendar = *BusinessCalendar::create("Asia/Tehran", {});
  Schedule always{"always", true, {}, {}, false};
  std::unique_ptr<store::Store> db;
  store::FaultSwitch* faults = nullptr;
  store::TenantId tenant = 0;
  store::RowId agent = 0, ali = 0, provisional = 0;
  std::unique_ptr<CaseService> service;
};

TEST_F(StoreFaultsTest, EveryCaseOperationIsAllOrNothing) {
  services::cases::NewCase n;
  n.customer = ali;
  n.kind = "complaint";
  n.category = "complaint/warranty";
  EXPECT_GE(sweep("open", [&] { return status(service->open(n, agent, from_millis(1000))); }), 3);
  const store::RowId id = open(ali).id;
  const Instant t = from_millis(2000);
  EXPECT_GE(sweep("assign", [&] { return status(service->assign(id, agent, agent, t)); }), 2);
  EXPECT_GE(
      sweep("transition with audit row",
            [&] { return status(service->transition(id, CaseState::in_progress, agent, "n", t)); }),
      3);
  services::cases::CaseEdit e;
  e.category = "complaint/parts";
  EXPECT_GE(sweep("edit", [&] { return status(service->edit(id, e, agent, t)); }), 3);
  store::RowId forward = 0;
  EXPECT_GE(sweep("forward",
                  [&] {
                    auto f = service->forward(id, "quality", "check", t + std::chrono::hours(1),
                                              agent, t);
                    if (f.ok()) forward = f->id;
                    return status(f);
                  }),
            4);
  // Two hours on: the forward is overdue, no SLA clock is due yet.
  EXPECT_GE(sweep("escalation", [&] { return status(service->tick(t + std::chrono::hours(2))); }),
            3);
  EXPECT_GE(sweep("answer", [&] { return status(service->answer(forward, agent, "done", t)); }), 3);
  const store::RowId other = open(ali).id;
  EXPECT_GE(sweep("case merge", [&] { return status(service->merge(other, id, agent, t)); }), 3);
}

TEST_F(StoreFaultsTest, ACustomerMergeIsAllOrNothing) {
  open(provisional);
  services::crm::CrmContext ctx{*db, strategy, tenant};
  services::crm::MergeRequest r{provisional, ali, agent, "same person"};
  EXPECT_GE(
      sweep("customer merge",
            [&] { return status(services::crm::merge_customers(ctx, r, from_millis(3000))); }),
      3);
  EXPECT_EQ(db->customers().get(tenant, provisional)->merged_into, ali);
}

TEST_F(StoreFaultsTest, ASqliteErrorInsideAMergeUndoesTheRowsItAlreadyMoved) {
  const store::RowId c = open(provisional).id;
  const std::string before = snapshot();
  break_table("customer_merges", true);  // after interactions and cases moved
  services::crm::CrmContext ctx{*db, strategy, tenant};
  auto merged =
      services::crm::merge_customers(ctx, {provisional, ali, agent, ""}, from_millis(3000));
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.error().message.find("injected disk I/O error"), std::string::npos)
      << merged.error().message;
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(db->cases().get(tenant, c)->customer, provisional);
  break_table("customer_merges", false);
  ASSERT_TRUE(
      services::crm::merge_customers(ctx, {provisional, ali, agent, ""}, from_millis(4000)).ok());
  EXPECT_EQ(db->cases().get(tenant, c)->customer, ali);
}

TEST_F(StoreFaultsTest, ASqliteErrorOnTheAuditRowUndoesTheTransition) {
  const store::RowId id = open(ali).id;
  const std::string before = snapshot();
  break_table("case_events", true);
  auto moved = service->transition(id, CaseState::in_progress, agent, "n", from_millis(2000));
  ASSERT_FALSE(moved.ok());
  EXPECT_NE(moved.error().message.find("injected disk I/O error"), std::string::npos)
      << moved.error().message;
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(service->get(id)->state, CaseState::new_);
  break_table("case_events", false);
}

TEST_F(StoreFaultsTest, EveryRepositoryWriteFailsCleanlyWhenTheDiskIsGone) {
  const store::Case c = open(ali);
  const std::string before = snapshot();
  faults->fail_all_writes(true);
  store::Case changed = c;
  changed.state = CaseState::in_progress;
  store::CaseForward forward;
  forward.tenant = tenant;
  forward.case_id = c.id;
  forward.department = "quality";
  store::Redress redress;
  redress.tenant = tenant;
  redress.case_id = c.id;
  redress.remedy = "apology";
  const std::vector<std::pair<const char*, Status>> writes = {
      {"cases.add", status(db->cases().add(c))},
      {"cases.update", db->cases().update(changed)},
      {"cases.add_event", status(db->cases().add_event({0, tenant, c.id, ali, from_millis(5), agent,
                                                        "note", "new", "new", "x", "{}"}))},
      {"cases.add_forward", status(db->cases().add_forward(forward))},
      {"cases.link", db->cases().link({tenant, c.id, c.id, "related", from_millis(5)})},
      {"cases.set_redress", db->cases().set_redress(redress)},
      {"cases.add_notification", status(db->cases().add_notification({}))},
      {"cases.add_voc", status(db->cases().add_voc({}))},
      {"profiles.merge",
       status(db->profiles().merge({0, tenant, provisional, ali, agent, from_millis(5), ""}))},
      {"profiles.add_identity", db->profiles().add_identity({})},
      {"profiles.add_asset", status(db->profiles().add_asset({}))},
      {"profiles.set_consent", db->profiles().set_consent({})},
      {"departments.add", db->departments().add({tenant, agent, "quality", true})},
      {"customers.merge", db->customers().merge(tenant, provisional, ali)},
  };
  faults->fail_all_writes(false);
  for (const auto& [what, s] : writes) {
    ASSERT_FALSE(s.ok()) << what;
    EXPECT_EQ(s.error().code, ErrorCode::unavailable) << what;
  }
  EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace tamas::testing
