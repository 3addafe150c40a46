// DTMF digits carried in SIP INFO bodies.
#include "channels/voice/dtmf_info.h"

#include <gtest/gtest.h>

namespace tamas::voice {
namespace {

TEST(DtmfInfoTest, ReadsDtmfRelaySignal) {
  EXPECT_EQ(parse_dtmf_info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"), '5');
  EXPECT_EQ(parse_dtmf_info("Application/DTMF-Relay; x=1", "Duration=100\nsignal = #\n"), '#');
  EXPECT_EQ(parse_dtmf_info("application/dtmf-relay", "Signal=10\r\n"), '*');
  EXPECT_EQ(parse_dtmf_info("application/dtmf-relay", "Signal=11\r\n"), '#');
  EXPECT_EQ(parse_dtmf_info("application/dtmf-relay", "Signal=a\r\n"), 'A');
}

TEST(DtmfInfoTest, ReadsPlainDtmfBody) {
  EXPECT_EQ(parse_dtmf_info("application/dtmf", "7"), '7');
  EXPECT_EQ(parse_dtmf_info("application/dtmf", " *\r\n"), '*');
}

TEST(DtmfInfoTest, RejectsOtherTypesAndBadBodies) {
  EXPECT_EQ(parse_dtmf_info("text/plain", "5"), std::nullopt);
  EXPECT_EQ(parse_dtmf_info("application/dtmf-relay", "Duration=160\r\n"), std::nullopt);
  EXPECT_EQ(parse_dtmf_info("application/dtmf-relay", "Signal=55\r\n"), std::nullopt);
  EXPECT_EQ(parse_dtmf_info("application/dtmf-relay", "Signal=\r\n"), std::nullopt);
  EXPECT_EQ(parse_dtmf_info("application/dtmf", "x"), std::nullopt);
  EXPECT_EQ(parse_dtmf_info("application/dtmf", ""), std::nullopt);
  EXPECT_EQ(parse_dtmf_info("", ""), std::nullopt);
}

}  // namespace
}  // namespace tamas::voice
