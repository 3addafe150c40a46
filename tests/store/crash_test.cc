// Nothing acknowledged is lost: a child process writes contacts through the
// StoreWriter and reports each acknowledged id on a pipe; the parent kills it
// with SIGKILL mid-stream, reopens the database, and finds every id.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <semaphore>
#include <set>
#include <string>

#include "store/sqlite_store.h"
#include "store/writer.h"
#include "temp_dir.h"

namespace tamas::store::testing {
namespace {

constexpr int kKillAfterAcks = 3000;

// Runs in the child: writes contacts forever (until killed), at most 2,000
// unacknowledged at a time, printing "id\n" to `fd` after each commit.
[[noreturn]] void write_until_killed(const std::string& path, TenantId tenant, int fd) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  auto store = open_sqlite_store(path);
  if (!store.ok()) ::_exit(2);
  StoreWriter writer(std::move(*store));
  std::counting_semaphore<4096> in_flight(2000);
  for (std::int64_t k = 0;; ++k) {
    in_flight.acquire();
    auto id = std::make_shared<RowId>(0);
    writer.submit(
        [tenant, k, id](Store& s) -> Status {
          Interaction i;
          i.tenant = tenant;
          i.channel = "webform";
          i.state = InteractionState::queued;
          i.arrived_at = from_millis(k);
          auto r = s.interactions().add(i);
          if (!r.ok()) return r.error();
          *id = *r;
          return {};
        },
        [fd, id, &in_flight](const Status& s) {
          if (s.ok()) {
            std::string line = std::to_string(*id) + "\n";
            if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
              ::_exit(3);
          }
          in_flight.release();
        });
  }
}

// Reads "id\n" lines from fd into ids; kills `child` once kill_after ids
// arrived, and keeps reading to EOF (acks written before the kill).
void collect_acks(int fd, pid_t child, std::set<RowId>& ids) {
  std::string pending;
  char buf[4096];
  bool killed = false;
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) return;
    pending.append(buf, static_cast<std::size_t>(n));
    std::size_t nl;
    while ((nl = pending.find('\n')) != std::string::npos) {
      ids.insert(std::stoll(pending.substr(0, nl)));
      pending.erase(0, nl + 1);
    }
    if (!killed && ids.size() >= kKillAfterAcks) {
      ::kill(child, SIGKILL);
      killed = true;
    }
  }
}

TEST(CrashDurability, EveryAcknowledgedContactSurvivesSigkill) {
  TempDir dir;
  const std::string path = dir.file("tamas.db");
  TenantId tenant = 0;
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store.ok());
    tenant = *(*store)->tenants().add(Tenant{0, "a", "A", from_millis(0)});
  }
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::fflush(nullptr);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    write_until_killed(path, tenant, fds[1]);
  }
  ::close(fds[1]);
  std::set<RowId> acknowledged;
  collect_acks(fds[0], child, acknowledged);
  ::close(fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the child must die mid-stream, status " << status;
  ASSERT_GE(acknowledged.size(), static_cast<std::size_t>(kKillAfterAcks));

  auto reopened = open_sqlite_store(path);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  auto open = (*reopened)->interactions().list_open(tenant);
  ASSERT_TRUE(open.ok());
  std::set<RowId> stored;
  for (const Interaction& i : *open) stored.insert(i.id);
  std::size_t missing = 0;
  for (RowId id : acknowledged) missing += stored.count(id) ? 0 : 1;
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged contacts";
  EXPECT_GE(stored.size(), acknowledged.size());
}

}  // namespace
}  // namespace tamas::store::testing
