// The voice server answering real sipp callers on loopback (free ports).
// Each test runs the server in-process on port 0, plays one sipp scenario
// from tests/channels/voice/sipp/ and checks what the caller got and what
// the server reported.
#include "channels/voice/voice_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>

#include "baresip_peer.h"
#include "peers.h"

namespace tamas::voice {
namespace {

using std::chrono::milliseconds;
using testing::BaresipAgent;
using testing::RtpReceiver;
using testing::run_sipp;
using testing::SippResult;
using testing::write_tone_wav;

std::vector<int16_t> tone(int ms, double hz) {
  std::vector<int16_t> pcm(static_cast<size_t>(ms) * 8);
  for (size_t i = 0; i < pcm.size(); ++i) {
    pcm[i] = static_cast<int16_t>(8000 * std::sin(2 * M_PI * hz * static_cast<double>(i) / 8000));
  }
  return pcm;
}

std::shared_ptr<const PromptSet> tone_prompts() {
  auto set = std::make_shared<PromptSet>();
  set->add("p.main", tone(600, 440));
  set->add("p.invalid", tone(200, 300));
  set->add("p.billing", tone(400, 550));
  set->add("p.ticket", tone(400, 660));
  set->add("p.bad_ticket", tone(200, 330));
  set->add("p.hold", tone(200, 220));
  set->add("p.transfer", tone(200, 770));
  set->add("p.bye", tone(300, 880));
  return set;
}

// The hotline of ivr_test.cc with short timeouts: 1 billing submenu,
// 2 ticket number (4-6 digits, #), 0 agent, # hang up, 9 partner line;
// 1 s timeout, 1 retry.
std::shared_ptr<const IvrProgram> hotline() {
  IvrConfig c;
  c.start_menu = "main";
  IvrMenu main{"main", "p.main", "p.invalid", milliseconds(1000), 1, {}};
  main.options.push_back({'1', IvrActionKind::submenu, "billing", {}});
  main.options.push_back({'2', IvrActionKind::route, "status",
                          IvrCollect{"ticket", "p.ticket", "p.bad_ticket", "", 4, 6, '#'}});
  main.options.push_back({'0', IvrActionKind::agent, "", {}});
  main.options.push_back({'#', IvrActionKind::hangup, "", {}});
  main.options.push_back({'9', IvrActionKind::transfer, "02188776655", {}});
  IvrMenu billing{"billing", "p.billing", "p.invalid", milliseconds(1000), 1, {}};
  billing.options.push_back({'1', IvrActionKind::route, "billing", {}});
  c.menus = {main, billing};
  c.fallback = IvrActionKind::agent;
  c.fallback_target = "general";
  return IvrProgram::compile(c).value();
}

class VoiceServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    VoiceConfig config;
    config.prompts = tone_prompts();
    config.entry_points.push_back({"1560", "hotline", hotline(), "p.hold", "p.transfer", "p.bye"});
    VoiceEvents events;
    events.on_route = [this](const CallInfo& call, const IvrResult& r) {
      std::lock_guard lock(mutex_);
      routes_.push_back({call, r});
      changed_.notify_all();
    };
    events.on_call_ended = [this](const CallInfo& call, std::string_view reason) {
      std::lock_guard lock(mutex_);
      ended_.push_back({call, std::string(reason)});
      changed_.notify_all();
    };
    server_ = std::make_unique<VoiceServer>(config, events);
    Status s = server_->start("127.0.0.1", 0);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_NE(server_->udp_port(), 0);
  }

  // The server reports into the members below until it stops: stop it first.
  void TearDown() override { server_.reset(); }

  SippResult sipp(const std::string& scenario, const std::string& number = "1560",
                  const std::string& transport = "u1", int calls = 1) {
    return run_sipp(scenario, server_->udp_port(), number,
                    {{"rtp_port", std::to_string(rtp_.port())}}, transport, calls);
  }

  // Waits (up to 10 s) for the server to report `n` routed / ended calls.
  std::vector<std::pair<CallInfo, IvrResult>> routes(size_t n = 1) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(10), [&] { return routes_.size() >= n; });
    return routes_;
  }
  std::vector<std::pair<CallInfo, std::string>> ended(size_t n = 1) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(10), [&] { return ended_.size() >= n; });
    return ended_;
  }

  RtpReceiver rtp_;
  std::unique_ptr<VoiceServer> server_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::pair<CallInfo, IvrResult>> routes_;
  std::vector<std::pair<CallInfo, std::string>> ended_;
};

#define EXPECT_SIPP_OK(run)                  \
  do {                                       \
    SippResult r_ = (run);                   \
    EXPECT_EQ(r_.exit_code, 0) << r_.output; \
  } while (0)

TEST_F(VoiceServerTest, AnsweredCallHearsTheMenuPromptAsRtp) {
  EXPECT_SIPP_OK(sipp("answer_prompt.xml"));
  EXPECT_GE(rtp_.packets(), 25u);          // ~1.5 s of 20 ms frames
  EXPECT_GE(rtp_.audible_packets(), 20u);  // the 600 ms menu tone
  EXPECT_EQ(rtp_.payload_types(), std::vector<int>{0});
  EXPECT_TRUE(rtp_.timestamps_step_by_160());
  auto e = ended();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].second, "caller hung up");
  EXPECT_EQ(e[0].first.entry_number, "1560");
  EXPECT_EQ(e[0].first.caller, "09121234567");
  EXPECT_TRUE(routes_.empty());
}

TEST_F(VoiceServerTest, CallerPreferringPcmaGetsPcma) {
  EXPECT_SIPP_OK(sipp("answer_pcma.xml"));
  EXPECT_EQ(rtp_.payload_types(), std::vector<int>{8});
  EXPECT_GE(rtp_.audible_packets(), 10u);
}

TEST_F(VoiceServerTest, ManyOverlappingCallsAreAllServed) {
  EXPECT_SIPP_OK(sipp("dtmf_submenu_route.xml", "1560", "u1", 40));
  auto r = routes(40);
  ASSERT_EQ(r.size(), 40u);
  for (const auto& [call, result] : r) EXPECT_EQ(result.target, "billing") << call.id;
  auto e = ended(40);
  EXPECT_EQ(e.size(), 40u);
  EXPECT_GE(rtp_.audible_packets(), 40u * 20);  // every caller heard the menu
}

TEST_F(VoiceServerTest, ReInviteSwitchesCodecMidCall) {
  EXPECT_SIPP_OK(sipp("reinvite_pcma.xml"));
  EXPECT_EQ(rtp_.payload_types(), (std::vector<int>{0, 8}));
  EXPECT_TRUE(rtp_.timestamps_step_by_160());
}

TEST_F(VoiceServerTest, CallOverTcpIsAnswered) {
  EXPECT_EQ(server_->tcp_port(), server_->udp_port());
  EXPECT_SIPP_OK(sipp("answer_prompt.xml", "1560", "t1"));
  EXPECT_GE(rtp_.audible_packets(), 20u);
}

TEST_F(VoiceServerTest, DtmfNavigatesSubmenuAndRoutesToQueue) {
  EXPECT_SIPP_OK(sipp("dtmf_submenu_route.xml"));
  auto r = routes();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second.action, IvrActionKind::route);
  EXPECT_EQ(r[0].second.target, "billing");
  EXPECT_EQ(r[0].second.path, (std::vector<std::string>{"main:1", "billing:1"}));
  EXPECT_FALSE(r[0].second.by_fallback);
  EXPECT_EQ(r[0].first.entry_id, "hotline");
  EXPECT_EQ(r[0].first.caller, "09121234567");
  EXPECT_FALSE(r[0].first.sip_call_id.empty());
}

TEST_F(VoiceServerTest, DtmfCollectsTicketNumber) {
  EXPECT_SIPP_OK(sipp("dtmf_collect.xml"));
  auto r = routes();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second.target, "status");
  ASSERT_EQ(r[0].second.fields.size(), 1u);
  EXPECT_EQ(r[0].second.fields[0], (std::pair<std::string, std::string>{"ticket", "4521"}));
}

TEST_F(VoiceServerTest, SipInfoDigitAsksForAnAgent) {
  EXPECT_SIPP_OK(sipp("info_agent.xml"));
  auto r = routes();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second.action, IvrActionKind::agent);
  EXPECT_EQ(r[0].second.path, std::vector<std::string>{"main:0"});
}

TEST_F(VoiceServerTest, HangupOptionSaysGoodbyeAndSendsBye) {
  EXPECT_SIPP_OK(sipp("dtmf_hangup.xml"));  // fails unless tamas sends BYE
  auto r = routes();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second.action, IvrActionKind::hangup);
  auto e = ended();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].second, "ivr finished");
}

TEST_F(VoiceServerTest, TransferOptionAnnouncesThenHangsUpForNow) {
  EXPECT_SIPP_OK(sipp("dtmf_transfer.xml"));  // fails unless tamas sends BYE
  auto r = routes();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second.action, IvrActionKind::transfer);
  EXPECT_EQ(r[0].second.target, "02188776655");
  EXPECT_GE(rtp_.audible_packets(), 10u);
}

// R31: an IVR transfer to a partner whose line is known bridges the caller
// to it (baresip as the partner's line); when the partner hangs up the
// caller hears goodbye and gets our BYE.
TEST(VoiceServerPartner, AnIvrTransferToAPartnerWithALineBridgesTheCallerToIt) {
  const std::string voice = std::filesystem::temp_directory_path() /
                            ("tamas-partner-" + std::to_string(::getpid()) + ".wav");
  write_tone_wav(voice, 660, 20000);
  BaresipAgent partner("roadside", "auto", voice);
  ASSERT_TRUE(partner.running());
  VoiceConfig config;
  config.prompts = tone_prompts();
  config.entry_points.push_back({"1560", "hotline", hotline(), "p.hold", "p.transfer", "p.bye"});
  config.partner_uris = {{"02188776655", partner.uri()}};
  std::mutex mutex;
  std::vector<std::string> legs;
  VoiceEvents events;
  events.on_agent_leg = [&](const CallInfo&, const AgentLegReport& r) {
    std::lock_guard lock(mutex);
    legs.push_back(r.agent + " " + to_string(r.outcome));
  };
  VoiceServer server(config, events);
  ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
  RtpReceiver rtp;
  SippResult caller;
  std::jthread call([&] {
    caller = run_sipp("dtmf_transfer.xml", server.udp_port(), "1560",
                      {{"rtp_port", std::to_string(rtp.port())}});
  });
  auto answered = [&] {
    std::lock_guard lock(mutex);
    return std::find(legs.begin(), legs.end(), "partner answered") != legs.end();
  };
  for (int i = 0; i < 200 && !answered(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE(answered()) << partner.log();
  const size_t before = rtp.audible_packets();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the partner speaks
  EXPECT_GT(rtp.audible_packets(), before + 40);                 // relayed to the caller
  ASSERT_TRUE(partner.hang_up());
  call.join();
  EXPECT_EQ(caller.exit_code, 0) << caller.output;  // goodbye, then our BYE
  server.stop();
  std::filesystem::remove(voice);
}

TEST_F(VoiceServerTest, SilentCallerIsRoutedByTheFallback) {
  EXPECT_SIPP_OK(sipp("no_input_fallback.xml"));
  auto r = routes();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_TRUE(r[0].second.by_fallback);
  EXPECT_EQ(r[0].second.action, IvrActionKind::agent);
  EXPECT_EQ(r[0].second.target, "general");
}

TEST_F(VoiceServerTest, EmbedderHangsUpAWaitingCallFromAnotherThread) {
  auto caller = std::async(std::launch::async, [&] { return sipp("agent_wait_for_bye.xml"); });
  auto r = routes();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(server_->active_calls(), 1u);
  server_->hangup(r[0].first.id);
  EXPECT_SIPP_OK(caller.get());
  auto e = ended();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].second, "hung up by tamas");
}

TEST_F(VoiceServerTest, StoppingTheServerHangsUpCalls) {
  auto caller = std::async(std::launch::async, [&] { return sipp("wait_for_bye.xml"); });
  while (server_->active_calls() == 0 &&
         caller.wait_for(milliseconds(20)) != std::future_status::ready) {
  }
  server_->stop();
  EXPECT_SIPP_OK(caller.get());
  auto e = ended();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].second, "server stopping");
}

TEST_F(VoiceServerTest, UnknownNumberIsRefusedWith404) {
  EXPECT_SIPP_OK(sipp("reject_404.xml", "9999"));
  EXPECT_EQ(rtp_.packets(), 0u);
}

TEST_F(VoiceServerTest, BadOffersAreRefusedWith4xx) {
  EXPECT_SIPP_OK(sipp("reject_malformed_sdp.xml"));  // 400
  EXPECT_SIPP_OK(sipp("reject_no_codec.xml"));       // 488
  EXPECT_SIPP_OK(sipp("reject_no_sdp.xml"));         // 488
  EXPECT_SIPP_OK(sipp("reject_not_sdp.xml"));        // 415
  EXPECT_EQ(server_->active_calls(), 0u);
}

TEST_F(VoiceServerTest, GarbageOnTheSipPortIsIgnoredAndServiceContinues) {
  const uint16_t port = server_->udp_port();
  testing::send_udp(port, "");
  testing::send_udp(port, "\x01\x02\x03 not sip at all");
  testing::send_udp(port, "INVITE sip:1560@127.0.0.1 SIP/2.0\r\nVia: nonsense\r\n\r\n");
  testing::send_udp(port, "INVITE sip:1560@127.0.0.1 SIP/2.0\r\nCSeq: x\r\n\r\n");
  testing::send_udp(port, std::string(70000 % 65000, 'A'));
  EXPECT_SIPP_OK(sipp("options.xml"));
  EXPECT_SIPP_OK(sipp("answer_prompt.xml"));
}

// A hand-made INVITE; "[local]" becomes the sender's address.
std::string invite(const std::string& headers, const std::string& body,
                   const std::string& ruri = "sip:1560@127.0.0.1") {
  static int branch = 0;
  return "INVITE " + ruri + " SIP/2.0\r\nVia: SIP/2.0/UDP [local];branch=z9hG4bK" +
         std::to_string(++branch) + "\r\n" + headers + "\r\n" + body;
}

TEST_F(VoiceServerTest, MalformedInvitesGetA4xxAndNothingBreaks) {
  const std::string sdp =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
      "m=audio 4000 RTP/AVP 0\r\n";
  const std::string len = "Content-Length: " + std::to_string(sdp.size()) + "\r\n";
  const std::string from = "From: <sip:a@[local]>;tag=1\r\n";
  const std::string to = "To: <sip:1560@127.0.0.1>\r\n";
  const std::string cseq = "CSeq: 1 INVITE\r\n";
  const std::string contact = "Contact: <sip:a@[local]>\r\n";
  const std::string ct = "Content-Type: application/sdp\r\n";
  int n = 0;
  auto cid = [&n] { return "Call-ID: bad" + std::to_string(++n) + "\r\n"; };
  struct Case {
    std::string name, message, status_line;
  };
  const std::vector<Case> cases = {
      {"no Contact", invite(from + to + cid() + cseq + ct + len, sdp),
       "SIP/2.0 400 Missing Contact"},
      {"no From tag",
       invite("From: <sip:a@[local]>\r\n" + to + cid() + cseq + contact + ct + len, sdp),
       "SIP/2.0 400 Missing From Tag"},
      {"no Call-ID", invite(from + to + cseq + contact + ct + len, sdp),
       "SIP/2.0 400 Missing Call-ID"},
      {"no CSeq", invite(from + to + cid() + contact + ct + len, sdp), "SIP/2.0 400 Missing CSeq"},
      {"no To", invite(from + cid() + cseq + contact + ct + len, sdp),
       "SIP/2.0 400 Missing From or To"},
      {"CSeq of another method",
       invite(from + to + cid() + "CSeq: 1 BYE\r\n" + contact + ct + len, sdp),
       "SIP/2.0 400 CSeq Method Mismatch"},
      {"Content-Length past the body",
       invite(from + to + cid() + cseq + contact + ct + "Content-Length: 999\r\n", sdp),
       "SIP/2.0 400 Content-Length Exceeds Body"},
      {"Max-Forwards 0",
       invite(from + to + cid() + cseq + contact + ct + "Max-Forwards: 0\r\n" + len, sdp),
       "SIP/2.0 483 Too Many Hops"},
      {"SDP without media",
       invite(from + to + cid() + cseq + contact + ct + "Content-Length: 5\r\n", "v=0\r\n"),
       "SIP/2.0 488 No Audio Stream"},
      {"SDP cut mid-line",
       invite(from + to + cid() + cseq + contact + ct + "Content-Length: 3\r\n", "v=0"),
       "SIP/2.0 400 Malformed SDP"},
      {"unknown method",
       "FOO sip:1560@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP [local];branch=z9hG4bKfoo\r\n" + from +
           to + cid() + "CSeq: 1 FOO\r\nContent-Length: 0\r\n\r\n",
       "SIP/2.0 501 Not Implemented"},
      {"BYE outside a dialog",
       "BYE sip:1560@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP [local];branch=z9hG4bKbye\r\n" + from +
           "To: <sip:1560@127.0.0.1>;tag=zz\r\n" + cid() +
           "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n",
       "SIP/2.0 481 Call Does Not Exist"},
  };
  for (const Case& c : cases) {
    const std::string reply = testing::udp_exchange(server_->udp_port(), c.message);
    EXPECT_EQ(reply.substr(0, reply.find('\r')), c.status_line) << c.name;
  }
  // A request line libre cannot parse cannot be answered: it is dropped.
  EXPECT_EQ(testing::udp_exchange(server_->udp_port(),
                                  invite(from + to + cid() + cseq, "", "garbage"), 300),
            "");
  // A static payload type without rtpmap is fine: the call is answered.
  const std::string ok = testing::udp_exchange(
      server_->udp_port(), invite(from + to + cid() + cseq + contact + ct + len, sdp));
  EXPECT_EQ(ok.substr(0, ok.find('\r')), "SIP/2.0 200 OK");
}

}  // namespace
}  // namespace tamas::voice
